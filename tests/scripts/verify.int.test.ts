import { describe, expect, it } from "vitest";
import { runScript } from "./support";

describe("npm run verify", () => {
  it("runs the system test against the stack and leaves no user behind", async () => {
    const run = await runScript("verify.ts");
    expect(run.code, run.stdout + run.stderr).toBe(0);
    for (const check of [
      "profile created automatically on signup",
      "profile has the column defaults",
      "owner reads exactly their own profile through RLS",
      "owner updates their profile through updateProfile",
      "owner cannot write profile_completed (column grants)",
      "another user cannot read the profile",
      "another user cannot update the profile",
      "anon cannot read profiles",
      "cleanup: their profiles are gone (cascade)",
    ]) {
      expect(run.stdout).toContain(`PASS  ${check}`);
    }
    expect(run.stdout).toMatch(/PASS {2}completion status: required fields answered → complete \(60%/);
  }, 90_000);

  it("exits 1 with FAIL lines when the service key is wrong", async () => {
    const run = await runScript("verify.ts", ["--service-role-key", "not-a-key", "--admin-create"]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("FAIL  REST reachable");
  }, 60_000);
});
