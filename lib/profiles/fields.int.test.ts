/**
 * The allowed values and limits in lib/profiles/fields.ts must equal the database's CHECK
 * constraints (supabase/migrations/*_user_profiles.sql). Reads pg_constraint through SUPABASE_DB_URL.
 */
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_CODE_POINTS_PER_CHARACTER as PER_CHARACTER } from "@/lib/text/graphemes";
import { COMPLETION_FIELDS, EDUCATION_LEVELS, EXPERIENCE_LEVELS, LIMITS, WORK_ARRANGEMENTS } from "./fields";

const client = new pg.Client({ connectionString: process.env.SUPABASE_DB_URL });
const definitions = new Map<string, string>();

beforeAll(async () => {
  await client.connect();
  const { rows } = await client.query<{ name: string; definition: string }>(
    `select conname as name, pg_get_constraintdef(oid) as definition
       from pg_constraint
      where conrelid = 'public.user_profiles'::regclass and contype = 'c'`,
  );
  for (const row of rows) definitions.set(row.name, row.definition);
});
afterAll(() => client.end());

function definition(name: string): string {
  const text = definitions.get(name);
  if (!text) throw new Error(`constraint ${name} not found on public.user_profiles`);
  return text;
}

/** The quoted literals of a CHECK, in order: `(x = ANY (ARRAY['a'::text, 'b'::text]))` → ["a", "b"]. */
function literals(name: string): string[] {
  return [...definition(name).matchAll(/'([^']*)'::text/g)].map((match) => match[1] ?? "");
}

function numbers(name: string): number[] {
  return [...definition(name).matchAll(/\b(\d+)\b/g)].map((match) => Number(match[1]));
}

describe("allowed values equal the database CHECK lists", () => {
  it.each([
    ["user_profiles_experience_level_allowed", EXPERIENCE_LEVELS],
    ["user_profiles_education_level_allowed", EDUCATION_LEVELS],
    ["user_profiles_work_arrangement_preference_allowed", WORK_ARRANGEMENTS],
    ["user_profiles_answered_fields_known", COMPLETION_FIELDS],
  ] as const)("%s", (name, values) => {
    expect(literals(name)).toEqual([...values]);
  });
});

describe("limits equal the database CHECKs", () => {
  it("years of experience", () => {
    expect(numbers("user_profiles_years_of_experience_range")).toEqual([
      LIMITS.yearsOfExperience.min,
      LIMITS.yearsOfExperience.max,
    ]);
  });
  it("field of study length", () => {
    // The database bounds code points, MAX_CODE_POINTS_PER_CHARACTER per character the app allows.
    expect(numbers("user_profiles_field_of_study_length")).toEqual([LIMITS.fieldOfStudy.maxLength * PER_CHARACTER]);
  });
  it("skills and locations item counts and lengths", () => {
    expect(numbers("user_profiles_skills_technologies_items")).toEqual([
      LIMITS.skills.maxItems,
      LIMITS.skills.maxLength * PER_CHARACTER,
    ]);
    expect(numbers("user_profiles_preferred_locations_items")).toEqual([
      LIMITS.locations.maxItems,
      LIMITS.locations.maxLength * PER_CHARACTER,
    ]);
  });
  it("salaries are non-negative and ordered", () => {
    expect(numbers("user_profiles_salary_min_nonnegative")).toEqual([LIMITS.salary.min]);
    expect(numbers("user_profiles_salary_max_nonnegative")).toEqual([LIMITS.salary.min]);
    expect(definition("user_profiles_salary_range_order")).toMatch(/salary_min <= salary_max/);
  });
  it("currency is a three-letter upper-case code (the ISO list in currencies.ts is stricter)", () => {
    expect(definition("user_profiles_salary_currency_format")).toContain("^[A-Z]{3}$");
  });
});
