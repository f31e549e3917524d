/**
 * Every CHECK on user_profiles rejects its bad values (with its stable constraint name, which the app
 * maps to a field error) and accepts its edge values. Written as tables of update → outcome.
 */
import { afterAll, describe, expect, it } from "vitest";
import { attempt, createPool, inRolledBackTx, insertUserLikeGoTrue } from "./support/db";

const pool = createPool();
afterAll(() => pool.end());

type Values = Record<string, unknown>;
const items = (count: number, length: number) => Array.from({ length: count }, (_, i) => String(i % 10).repeat(length));

const rejected: [string, Values][] = [
  ["user_profiles_years_of_experience_range", { years_of_experience: -1 }],
  ["user_profiles_years_of_experience_range", { years_of_experience: 71 }],
  ["user_profiles_experience_level_allowed", { experience_level: "expert" }],
  ["user_profiles_experience_level_allowed", { experience_level: "Senior" }],
  ["user_profiles_education_level_allowed", { education_level: "doctorate" }],
  ["user_profiles_education_level_allowed", { education_level: "" }],
  ["user_profiles_work_arrangement_preference_allowed", { work_arrangement_preference: "onsite" }],
  // The database bounds code points at 10 per character the app allows (graphemes are counted in the app).
  ["user_profiles_field_of_study_length", { field_of_study: "x".repeat(1201) }],
  ["user_profiles_skills_technologies_items", { skills_technologies: items(51, 3) }],
  ["user_profiles_skills_technologies_items", { skills_technologies: ["x".repeat(501)] }],
  ["user_profiles_skills_technologies_items", { skills_technologies: [""] }],
  ["user_profiles_skills_technologies_items", { skills_technologies: ["   "] }],
  ["user_profiles_skills_technologies_items", { skills_technologies: ["go", null] }],
  ["user_profiles_preferred_locations_items", { preferred_locations: items(21, 3) }],
  ["user_profiles_preferred_locations_items", { preferred_locations: ["x".repeat(1001)] }],
  ["user_profiles_preferred_locations_items", { preferred_locations: [""] }],
  ["user_profiles_salary_min_nonnegative", { salary_min: -1 }],
  ["user_profiles_salary_max_nonnegative", { salary_max: -1 }],
  ["user_profiles_salary_range_order", { salary_min: 100, salary_max: 99 }],
  ["user_profiles_salary_currency_format", { salary_currency: "usd" }],
  ["user_profiles_salary_currency_format", { salary_currency: "US" }],
  ["user_profiles_salary_currency_format", { salary_currency: "USDX" }],
  ["user_profiles_answered_fields_known", { answered_fields: ["salary_min"] }],
  ["user_profiles_answered_fields_known", { answered_fields: ["profile_completed"] }],
  ["user_profiles_answered_fields_known", { answered_fields: ["years_of_experience", null] }],
  ["user_profiles_skipped_fields_known", { skipped_fields: ["salary_range"] }],
  ["user_profiles_skipped_fields_known", { answered_fields: ["salary_range"], skipped_fields: ["salary_range", null] }],
];

const accepted: Values[] = [
  { years_of_experience: 0 },
  { years_of_experience: 70 },
  { years_of_experience: null },
  ...["entry", "junior", "mid", "senior", "lead", "executive"].map((v) => ({ experience_level: v })),
  ...["high_school", "associates", "bachelors", "masters", "phd", "other"].map((v) => ({ education_level: v })),
  ...["any", "remote", "hybrid", "on_site"].map((v) => ({ work_arrangement_preference: v })),
  { field_of_study: "x".repeat(120) },
  // Fifty of the longest recommended emoji (10 code points each) fit a skill.
  { skills_technologies: ["👩🏽‍❤️‍💋‍👨🏿".repeat(50)] },
  { field_of_study: "" },
  { skills_technologies: items(50, 50) },
  { skills_technologies: ["x"] },
  { skills_technologies: [] },
  { preferred_locations: items(20, 100) },
  { preferred_locations: ["Zürich"] },
  { salary_min: 0, salary_max: 0 },
  { salary_min: 50_000, salary_max: 50_000 },
  { salary_min: 10, salary_max: null },
  { salary_min: null, salary_max: 10 },
  { salary_currency: "EUR" },
  { answered_fields: [] },
  {
    answered_fields: [
      "years_of_experience",
      "experience_level",
      "education_level",
      "field_of_study",
      "skills_technologies",
      "work_arrangement_preference",
      "preferred_locations",
      "salary_range",
    ],
  },
];

function updateSql(values: Values): { sql: string; params: unknown[] } {
  const columns = Object.keys(values);
  const sets = columns.map((column, i) => `${column} = $${i + 2}`).join(", ");
  return { sql: `update public.user_profiles set ${sets} where user_id = $1`, params: columns.map((c) => values[c]) };
}

describe("user_profiles CHECK constraints", () => {
  it.each(rejected)("%s rejects %j", async (constraint, values) => {
    await inRolledBackTx(pool, async (client) => {
      const userId = await insertUserLikeGoTrue(client);
      const { sql, params } = updateSql(values);
      const result = await attempt(client, sql, [userId, ...params]);
      expect(result.error?.code).toBe("23514");
      expect(result.error?.constraint).toBe(constraint);
    });
  });

  it.each(accepted)("accepts %j", async (values) => {
    await inRolledBackTx(pool, async (client) => {
      const userId = await insertUserLikeGoTrue(client);
      const { sql, params } = updateSql(values);
      const result = await attempt(client, sql, [userId, ...params]);
      expect(result.error).toBeNull();
      expect(result.rowCount).toBe(1);
    });
  });

  it("every CHECK on user_profiles has a stable user_profiles_* name and is covered above", async () => {
    const { rows } = await pool.query<{ conname: string }>(
      "select conname from pg_constraint where conrelid = 'public.user_profiles'::regclass and contype = 'c' order by conname",
    );
    const names = rows.map((r) => r.conname);
    expect(names.every((n) => n.startsWith("user_profiles_"))).toBe(true);
    expect(new Set(rejected.map(([c]) => c))).toEqual(new Set(names));
  });

  it("user_id is required and unique", async () => {
    await inRolledBackTx(pool, async (client) => {
      const userId = await insertUserLikeGoTrue(client);
      const missing = await attempt(client, "insert into public.user_profiles (user_id) values (null)");
      expect(missing.error?.code).toBe("23502");
      const duplicate = await attempt(client, "insert into public.user_profiles (user_id) values ($1)", [userId]);
      expect(duplicate.error?.code).toBe("23505");
      const unknownUser = await attempt(
        client,
        "insert into public.user_profiles (user_id) values (gen_random_uuid())",
      );
      expect(unknownUser.error?.code).toBe("23503");
    });
  });
});
