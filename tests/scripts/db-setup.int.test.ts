import { describe, expect, it } from "vitest";
import { runScript } from "./support";

describe("npm run db:setup", () => {
  it("applies nothing twice and passes every check on a migrated database", async () => {
    const first = await runScript("db-setup.ts");
    expect(first.code, first.stdout + first.stderr).toBe(0);
    const second = await runScript("db-setup.ts");
    expect(second.code, second.stdout).toBe(0);
    expect(second.stdout).toMatch(/PASS {2}migrations up to date \(0 applied now, \d+ already applied\)/);
    for (const check of [
      "trigger on_auth_user_created on auth.users",
      "fires AFTER INSERT FOR EACH ROW",
      "private.handle_new_user() is SECURITY DEFINER",
      "private.handle_new_user() pins search_path = ''",
      "RLS enabled on public.user_profiles",
      "authenticated may not UPDATE ids, completion, answered fields or timestamps",
      "trigger created the profile in the same transaction",
      "throwaway user and profile removed (rolled back)",
    ]) {
      expect(second.stdout).toContain(`PASS  ${check}`);
    }
    expect(second.stdout).not.toContain("FAIL");
  }, 60_000);

  it("fails with exit 1 and a FAIL line when the database cannot be reached", async () => {
    const run = await runScript("db-setup.ts", ["--db-url", "postgresql://postgres:postgres@127.0.0.1:9/postgres"]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/FAIL {2}connect to postgresql:\/\/postgres@127\.0\.0\.1:9\/postgres/);
    expect(run.stdout).not.toContain("postgres:postgres@");
  });

  it("prints help with exit 0 and rejects unknown options with exit 2", async () => {
    const help = await runScript("db-setup.ts", ["--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("Usage: npm run db:setup -- [options]");
    expect(help.stdout).toContain("--db-url URL");
    const bad = await runScript("db-setup.ts", ["--nope"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("Unknown option '--nope'");
  });
});
