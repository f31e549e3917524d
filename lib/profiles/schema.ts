/**
 * One zod/mini schema per wizard step, shared by the browser (react-hook-form), the server actions
 * and `updateProfile`: the same rules in both places. zod/mini keeps the client bundle small.
 * Inputs may be form strings ("12", "") or JS values (12, null): both parse to the same output, so
 * FormData and scripts go through one set of rules. Keys are column names.
 */
import * as z from "zod/mini";
import { withinCharacterLimit } from "@/lib/text/graphemes";
import { isCurrencyCode } from "./currencies";
import { EDUCATION_LEVELS, EXPERIENCE_LEVELS, LIMITS, WORK_ARRANGEMENTS } from "./fields";
import { parseWholeNumber } from "./numbers";

const formInput = z.optional(z.union([z.number(), z.string(), z.null()]));

/** "" / null / undefined → null; "12" / 12 → 12; "1e1", "0x10", "2.5" → "whole number" message. */
function wholeNumber(label: string, min: number, max: number, example: string, grouping = false) {
  const notWhole = `Enter ${label} as a whole number, like ${example}`;
  return z.pipe(
    z.pipe(
      formInput,
      z.transform((value) => parseWholeNumber(value, { grouping })),
    ),
    z.nullable(
      z.number({ error: notWhole }).check(
        z.refine((value) => Number.isInteger(value), { error: notWhole, abort: true }),
        z.minimum(min, { error: `${capitalize(label)} must be at least ${min.toLocaleString("en-US")}` }),
        z.maximum(max, { error: `${capitalize(label)} must be at most ${max.toLocaleString("en-US")}` }),
      ),
    ),
  );
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function choice<T extends readonly [string, ...string[]]>(values: T, message: string) {
  return z.enum(values, { error: message });
}

/** Trims, drops blanks and de-duplicates case-insensitively (first spelling wins). */
export function normalizeTags(items: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of items) {
    const item = raw.trim().replace(/\s+/g, " ");
    const key = item.toLocaleLowerCase("en-US");
    if (item && !seen.has(key)) {
      seen.add(key);
      out.push(item);
    }
  }
  return out;
}

function tagList(noun: string, limits: { maxItems: number; maxLength: number }) {
  return z.pipe(
    z.pipe(
      z.optional(z.union([z.array(z.string()), z.string(), z.null()])),
      z.transform((value) => normalizeTags(value == null ? [] : Array.isArray(value) ? value : [value])),
    ),
    z
      .array(
        z.string().check(
          z.refine((item: string) => withinCharacterLimit(item, limits.maxLength), {
            error: `Each ${noun} can be at most ${limits.maxLength} characters`,
          }),
        ),
      )
      .check(z.maxLength(limits.maxItems, { error: `You can add up to ${limits.maxItems} ${noun}s` })),
  );
}

const { yearsOfExperience: yearsLimit, salary: salaryLimit } = LIMITS;

export const yearsOfExperience = z.pipe(
  wholeNumber("years of experience", yearsLimit.min, yearsLimit.max, "12"),
  // Required: an empty answer is "not answered yet", reported in words rather than as a type error.
  z.number({ error: "Enter your years of experience" }),
);
export const experienceLevel = choice(EXPERIENCE_LEVELS, "Choose your experience level");
export const educationLevel = choice(EDUCATION_LEVELS, "Choose your education level");
export const fieldOfStudy = z.pipe(
  z.pipe(
    z.optional(z.union([z.string(), z.null()])),
    z.transform((value) => value?.trim() || null),
  ),
  z.nullable(
    z.string().check(
      z.refine((value: string) => withinCharacterLimit(value, LIMITS.fieldOfStudy.maxLength), {
        error: `Field of study can be at most ${LIMITS.fieldOfStudy.maxLength} characters`,
      }),
    ),
  ),
);
export const skills = tagList("skill", LIMITS.skills);
export const workArrangement = choice(WORK_ARRANGEMENTS, "Choose a work arrangement");
export const locations = tagList("location", LIMITS.locations);
export const salaryAmount = (label: string) => wholeNumber(label, salaryLimit.min, salaryLimit.max, "85,000", true);
export const currency = z.pipe(
  z.pipe(
    z.string({ error: "Choose a currency from the list" }),
    z.transform((value) => value.trim().toUpperCase()),
  ),
  z.string().check(z.refine(isCurrencyCode, { error: "Choose a currency from the list" })),
);

export const experienceSchema = z.object({
  years_of_experience: yearsOfExperience,
  experience_level: experienceLevel,
});

export const educationSchema = z.object({
  education_level: educationLevel,
  field_of_study: fieldOfStudy,
});

export const skillsSchema = z.object({ skills_technologies: skills });

export const preferencesSchema = z.object({
  work_arrangement_preference: workArrangement,
  preferred_locations: locations,
});

const SALARY_ORDER = "Maximum salary must be at least the minimum salary";

function salaryInOrder(value: { salary_min?: number | null; salary_max?: number | null }): boolean {
  return value.salary_min == null || value.salary_max == null || value.salary_min <= value.salary_max;
}

export const salarySchema = z
  .object({
    salary_min: salaryAmount("minimum salary"),
    salary_max: salaryAmount("maximum salary"),
    salary_currency: currency,
  })
  .check(z.refine(salaryInOrder, { error: SALARY_ORDER, path: ["salary_max"] }));

/**
 * Any subset of the editable columns (the `updates` dictionary of `updateProfile`), strict: an
 * unknown key such as `profile_completed` or `user_id` is an error, not silently dropped.
 */
export const profileUpdateSchema = z
  .strictObject({
    years_of_experience: z.optional(yearsOfExperience),
    experience_level: z.optional(experienceLevel),
    education_level: z.optional(educationLevel),
    field_of_study: z.optional(fieldOfStudy),
    skills_technologies: z.optional(skills),
    work_arrangement_preference: z.optional(workArrangement),
    preferred_locations: z.optional(locations),
    salary_min: z.optional(salaryAmount("minimum salary")),
    salary_max: z.optional(salaryAmount("maximum salary")),
    salary_currency: z.optional(currency),
  })
  .check(z.refine(salaryInOrder, { error: SALARY_ORDER, path: ["salary_max"] }));

export type ProfileUpdate = z.output<typeof profileUpdateSchema>;
export type ProfileUpdateInput = z.input<typeof profileUpdateSchema>;
