import { afterAll, describe, expect, it } from "vitest";
import { parseCsv } from "@/scripts/lib/import/csv";
import { adminClient, dbPool, deleteDomainUsers, runScript, tempFile, testDomain } from "./support";

const pool = dbPool();
const domain = testDomain("bulk");
afterAll(async () => {
  await deleteDomainUsers(pool, domain);
  await pool.end();
});

describe("npm run profiles:backfill", () => {
  it("creates the missing profile once and nothing on the second run", async () => {
    const admin = adminClient();
    const { data } = await admin.auth.admin.createUser({ email: `orphan@${domain}`, email_confirm: true });
    const id = data.user!.id;
    // An orphan as if the user predated the trigger.
    await pool.query("delete from public.user_profiles where user_id = $1", [id]);

    const dry = await runScript("profiles-backfill.ts", ["--dry-run"]);
    expect(dry.stdout).toMatch(/dry run: would create [1-9]\d* profile\(s\)/);
    const run = await runScript("profiles-backfill.ts");
    expect(run.code, run.stdout).toBe(0);
    expect(run.stdout).toMatch(/PASS {2}created [1-9]\d* missing profile\(s\)/);
    const row = await pool.query(
      "select years_of_experience, experience_level from public.user_profiles where user_id = $1",
      [id],
    );
    expect(row.rows).toEqual([{ years_of_experience: 0, experience_level: "entry" }]);
    const again = await runScript("profiles-backfill.ts");
    expect(again.stdout).toContain("PASS  created 0 missing profile(s)");
  }, 90_000);
});

describe("npm run profiles:export", () => {
  it("exports CSV and JSON that profiles:import reads back (all skipped)", async () => {
    const file = tempFile(
      "seed.csv",
      `email,years_of_experience,experience_level,education_level,skills_technologies\nexp@${domain},4,mid,masters,"Go; ""Quoted"", yes"\n`,
    );
    expect((await runScript("profiles-import.ts", [file])).code).toBe(0);

    const csvFile = tempFile("export.csv", "");
    const csv = await runScript("profiles-export.ts", ["--output", csvFile]);
    expect(csv.code, csv.stdout + csv.stderr).toBe(0);
    const [header, ...rows] = parseCsv((await import("node:fs")).readFileSync(csvFile, "utf8"));
    expect(header?.slice(0, 2)).toEqual(["email", "user_id"]);
    const mine = rows.find((cells) => cells[0] === `exp@${domain}`);
    const at = (name: string) => mine?.[header!.indexOf(name)];
    expect(at("years_of_experience")).toBe("4");
    expect(at("skills_technologies")).toBe('Go;"Quoted", yes');
    expect(at("profile_completed")).toBe("true");

    const json = await runScript("profiles-export.ts", ["--format", "json"]);
    const parsed = JSON.parse(json.stdout) as Record<string, unknown>[];
    expect(parsed.find((row) => row.email === `exp@${domain}`)).toMatchObject({
      experience_level: "mid",
      skills_technologies: ["Go", '"Quoted", yes'],
    });
    expect(json.stderr).toMatch(/PASS {2}exported \d+ profile\(s\) as json/);

    // Other suites on this stack create anonymous users, whose profiles export without an address and
    // so cannot be imported again by email: re-import only the rows that have one.
    const withEmail = tempFile(
      "export-with-email.csv",
      (await import("node:fs"))
        .readFileSync(csvFile, "utf8")
        .split("\n")
        .filter((line, index) => index === 0 || (line !== "" && !line.startsWith(",")))
        .join("\n") + "\n",
    );
    const reimport = await runScript("profiles-import.ts", [withEmail, "--dry-run"]);
    expect(reimport.stdout).toMatch(/would create 0, skipped \d+ \(already exist\), rejected 0/);

    const bad = await runScript("profiles-export.ts", ["--format", "xml"]);
    expect(bad.code).toBe(2);
  }, 90_000);
});
