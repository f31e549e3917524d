import { readFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { countDomainUsers, dbPool, deleteDomainUsers, profileOf, runScript, tempFile, testDomain } from "./support";

const pool = dbPool();
const domain = testDomain("import");
afterAll(async () => {
  await deleteDomainUsers(pool, domain);
  await pool.end();
});

const HEADER =
  "email,password,years_of_experience,experience_level,education_level,field_of_study,skills_technologies," +
  "work_arrangement_preference,preferred_locations,salary_min,salary_max,salary_currency";

describe("npm run profiles:import", () => {
  it("creates users with their answers, reports rejects with reasons, and is idempotent", async () => {
    const file = tempFile(
      "people.csv",
      [
        HEADER,
        `ada@${domain},,12,senior,masters,Mathematics,Engines; Notes,remote,London; Paris,90000,120000,GBP`,
        `bob@${domain},Correct-Horse-42,2,junior,,,,,,,,`,
        `guru@${domain},,3,guru,,,,,,,,`,
        `BOB@${domain},,1,entry,,,,,,,,`,
        `plain@${domain},,,,,,,,,,,`,
      ].join("\n"),
    );
    const dry = await runScript("profiles-import.ts", [file, "--dry-run"]);
    expect(dry.stdout).toContain("PASS  would create 3, skipped 0 (already exist), rejected 2");
    expect(await countDomainUsers(pool, domain)).toBe(0);

    const run = await runScript("profiles-import.ts", [file]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("PASS  created 3, skipped 0 (already exist), rejected 2");
    expect(run.stdout).toContain(
      `FAIL  row 3 (guru@${domain}) — experience_level "guru": Choose your experience level`,
    );
    expect(run.stdout).toContain(`FAIL  row 4 (bob@${domain}) — duplicate email: same address as row 2`);
    expect(await countDomainUsers(pool, domain)).toBe(3);

    const ada = await profileOf(pool, `ada@${domain}`);
    expect(ada).toMatchObject({
      years_of_experience: 12,
      experience_level: "senior",
      skills_technologies: ["Engines", "Notes"],
      preferred_locations: ["London", "Paris"],
      salary_currency: "GBP",
      profile_completed: true,
    });
    expect(ada?.answered_fields).toHaveLength(8);
    const bob = await profileOf(pool, `bob@${domain}`);
    expect(bob).toMatchObject({
      years_of_experience: 2,
      experience_level: "junior",
      education_level: "bachelors",
      profile_completed: false,
    });
    expect(bob?.answered_fields).toEqual(["years_of_experience", "experience_level"]);
    expect(await profileOf(pool, `plain@${domain}`)).toMatchObject({ answered_fields: [], profile_completed: false });
    const guru = await pool.query("select 1 from auth.users where email = $1", [`guru@${domain}`]);
    expect(guru.rowCount).toBe(0);

    const again = await runScript("profiles-import.ts", [file]);
    expect(again.stdout).toContain("PASS  created 0, skipped 3 (already exist), rejected 2");
    expect(await countDomainUsers(pool, domain)).toBe(3);
  }, 120_000);

  it("refuses a file with wrong columns as a whole", async () => {
    const file = tempFile("wrong.csv", `email,years,colour\nx@${domain},3,red\n`);
    const run = await runScript("profiles-import.ts", [file]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      /FAIL {2}read .*wrong\.csv — unknown column\(s\): years, colour\. Allowed columns: email, password/,
    );
    expect(run.stdout).toContain("nothing was imported");
    expect(await pool.query("select 1 from auth.users where email = $1", [`x@${domain}`]).then((r) => r.rowCount)).toBe(
      0,
    );
  }, 60_000);

  it("imports JSON and honours answered_fields from an export", async () => {
    const file = tempFile(
      "people.json",
      JSON.stringify([
        {
          email: `json@${domain}`,
          years_of_experience: 0,
          experience_level: "entry",
          education_level: "phd",
          answered_fields: ["education_level"],
        },
        { email: `jsonbad@${domain}`, salary_min: 10, salary_max: 5 },
      ]),
    );
    const report = tempFile("report.json", "");
    const run = await runScript("profiles-import.ts", [file, "--report", report]);
    expect(run.stdout).toContain("PASS  created 1, skipped 0 (already exist), rejected 1");
    const written = JSON.parse(readFileSync(report, "utf8"));
    expect(written.rejected[0]).toMatchObject({ row: 2, email: `jsonbad@${domain}` });
    expect(written.rejected[0].reasons.join()).toMatch(/salary_max.*at least the minimum/);
    expect(await profileOf(pool, `json@${domain}`)).toMatchObject({
      education_level: "phd",
      answered_fields: ["education_level"],
    });
  }, 60_000);

  // More rows than the script creates in parallel (32), so batching and progress are exercised; the
  // 10,000-row volume run is `npm run bench -- --only import`.
  it("imports many rows with progress, then skips all of them on a re-run", async () => {
    const n = 100;
    const rows = Array.from(
      { length: n },
      (_, i) => `bulk${i}@${domain},${i % 40},${["entry", "mid", "senior"][i % 3]},masters`,
    );
    const file = tempFile(
      "bulk.csv",
      `email,years_of_experience,experience_level,education_level\n${rows.join("\n")}\n`,
    );
    const run = await runScript("profiles-import.ts", [file], {}, 300_000);
    expect(run.code, run.stdout.slice(-2000) + run.stderr).toBe(0);
    expect(run.stdout).toContain("PASS  read");
    expect(run.stdout).toContain(`${n} row(s), ${n} valid`);
    expect(run.stdout).toMatch(new RegExp(`imported: ${n}/${n} \\(100%\\)`));
    expect(run.stdout).toContain(`PASS  created ${n}, skipped 0 (already exist), rejected 0`);
    const { rows: counts } = await pool.query<{ users: string; complete: string }>(
      `select count(*) as users, count(*) filter (where p.profile_completed) as complete
       from auth.users u join public.user_profiles p on p.user_id = u.id where u.email like $1`,
      [`bulk%@${domain}`],
    );
    expect(counts[0]).toEqual({ users: String(n), complete: String(n) });
    const again = await runScript("profiles-import.ts", [file, "--dry-run"], {}, 300_000);
    expect(again.stdout).toContain(`PASS  would create 0, skipped ${n} (already exist), rejected 0`);
  }, 600_000);
});
