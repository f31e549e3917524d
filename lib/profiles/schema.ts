/**
 * One zod schema per field group, shared by the wizard forms, the profile editor, the server actions
 * and `updateProfile`. Inputs may be form strings ("12", "") or JS values (12, null): both parse to
 * the same output, so FormData and scripts go through one set of rules. Keys are column names.
 */
import { z } from "zod";
import { withinCharacterLimit } from "@/lib/text/graphemes";
import { isCurrencyCode } from "./currencies";
import { EDUCATION_LEVELS, EXPERIENCE_LEVELS, LIMITS, WORK_ARRANGEMENTS } from "./fields";

/** "" / null / undefined → null; "12" / 12 → 12; anything else → the given message. */
function wholeNumber(label: string, min: number, max: number) {
  return z
    .union([z.number(), z.string(), z.null()])
    .optional()
    .transform((value) => (value === undefined || value === null || String(value).trim() === "" ? null : Number(value)))
    .pipe(
      z
        .number({ error: `Enter ${label} as a whole number` })
        .int({ error: `Enter ${label} as a whole number` })
        .min(min, { error: `${capitalize(label)} must be at least ${min.toLocaleString("en-US")}` })
        .max(max, { error: `${capitalize(label)} must be at most ${max.toLocaleString("en-US")}` })
        .nullable(),
    );
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function choice<T extends readonly [string, ...string[]]>(values: T, message: string) {
  return z.enum(values, { error: message });
}

/** Trims, drops blanks and de-duplicates case-insensitively (first spelling wins), then checks limits. */
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
  return z
    .union([z.array(z.string()), z.string(), z.null()])
    .optional()
    .transform((value) => normalizeTags(value == null ? [] : Array.isArray(value) ? value : [value]))
    .pipe(
      z
        .array(
          z.string().refine((item) => withinCharacterLimit(item, limits.maxLength), {
            error: `Each ${noun} can be at most ${limits.maxLength} characters`,
          }),
        )
        .max(limits.maxItems, { error: `You can add up to ${limits.maxItems} ${noun}s` }),
    );
}

export const yearsOfExperience = wholeNumber(
  "years of experience",
  LIMITS.yearsOfExperience.min,
  LIMITS.yearsOfExperience.max,
)
  // Required: an empty answer is "not answered yet", reported in words rather than as a type error.
  .pipe(z.number({ error: "Enter your years of experience" }));
export const experienceLevel = choice(EXPERIENCE_LEVELS, "Choose your experience level");
export const educationLevel = choice(EDUCATION_LEVELS, "Choose your education level");
export const fieldOfStudy = z
  .union([z.string(), z.null()])
  .optional()
  .transform((value) => value?.trim() || null)
  .pipe(
    z
      .string()
      .refine((value) => withinCharacterLimit(value, LIMITS.fieldOfStudy.maxLength), {
        error: `Field of study can be at most ${LIMITS.fieldOfStudy.maxLength} characters`,
      })
      .nullable(),
  );
export const skills = tagList("skill", LIMITS.skills);
export const workArrangement = choice(WORK_ARRANGEMENTS, "Choose a work arrangement");
export const locations = tagList("location", LIMITS.locations);
export const salaryAmount = (label: string) => wholeNumber(label, LIMITS.salary.min, LIMITS.salary.max);
export const currency = z
  .string({ error: "Choose a currency from the list" })
  .trim()
  .toUpperCase()
  .refine(isCurrencyCode, { error: "Choose a currency from the list" });

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

export const salarySchema = z
  .object({
    salary_min: salaryAmount("minimum salary"),
    salary_max: salaryAmount("maximum salary"),
    salary_currency: currency,
  })
  .refine((value) => value.salary_min === null || value.salary_max === null || value.salary_min <= value.salary_max, {
    error: SALARY_ORDER,
    path: ["salary_max"],
  });

/**
 * Any subset of the editable columns (the seed's `updates` dictionary), strict: an unknown key such
 * as `profile_completed` or `user_id` is an error, not silently dropped.
 */
export const profileUpdateSchema = z
  .strictObject({
    years_of_experience: yearsOfExperience.optional(),
    experience_level: experienceLevel.optional(),
    education_level: educationLevel.optional(),
    field_of_study: fieldOfStudy.optional(),
    skills_technologies: skills.optional(),
    work_arrangement_preference: workArrangement.optional(),
    preferred_locations: locations.optional(),
    salary_min: salaryAmount("minimum salary").optional(),
    salary_max: salaryAmount("maximum salary").optional(),
    salary_currency: currency.optional(),
  })
  .refine(
    (value) =>
      value.salary_min === undefined ||
      value.salary_max === undefined ||
      value.salary_min === null ||
      value.salary_max === null ||
      value.salary_min <= value.salary_max,
    { error: SALARY_ORDER, path: ["salary_max"] },
  );

export type ExperienceValues = z.output<typeof experienceSchema>;
export type EducationValues = z.output<typeof educationSchema>;
export type SkillsValues = z.output<typeof skillsSchema>;
export type PreferencesValues = z.output<typeof preferencesSchema>;
export type SalaryValues = z.output<typeof salarySchema>;
export type ProfileUpdate = z.output<typeof profileUpdateSchema>;
export type ProfileUpdateInput = z.input<typeof profileUpdateSchema>;
