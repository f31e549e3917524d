/**
 * Turns `public.user_profiles` rows into the app's Profile type. Rows are parsed, never cast, so a
 * schema change shows up as a clear error here rather than as undefined in a component.
 */
import { z } from "zod";
import { COMPLETION_FIELDS, EDUCATION_LEVELS, EXPERIENCE_LEVELS, WORK_ARRANGEMENTS } from "./fields";

/** The columns the app reads; listed so a new internal column never leaks into the UI by accident. */
export const PROFILE_COLUMNS =
  "profile_id,user_id,years_of_experience,experience_level,education_level,field_of_study," +
  "skills_technologies,work_arrangement_preference,preferred_locations,salary_min,salary_max," +
  "salary_currency,profile_completed,answered_fields,skipped_fields,completed_at,created_at,updated_at";

const textList = z
  .array(z.string())
  .nullable()
  .transform((items) => items ?? []);

// Unknown names cannot occur (CHECKs forbid them); filtering keeps the type exact anyway.
const fieldNames = z.array(z.string()).transform((names) => COMPLETION_FIELDS.filter((field) => names.includes(field)));

export const profileRowSchema = z.object({
  profile_id: z.string(),
  user_id: z.string(),
  years_of_experience: z.number().int().nullable(),
  experience_level: z.enum(EXPERIENCE_LEVELS).nullable(),
  education_level: z.enum(EDUCATION_LEVELS).nullable(),
  field_of_study: z.string().nullable(),
  skills_technologies: textList,
  work_arrangement_preference: z.enum(WORK_ARRANGEMENTS).nullable(),
  preferred_locations: textList,
  salary_min: z.number().int().nullable(),
  salary_max: z.number().int().nullable(),
  salary_currency: z.string().nullable(),
  profile_completed: z
    .boolean()
    .nullable()
    .transform((value) => value ?? false),
  answered_fields: fieldNames,
  skipped_fields: fieldNames,
  completed_at: z.string().nullable(),
  created_at: z.string().nullable(),
  updated_at: z.string().nullable(),
});

/** A profile as the app sees it: the table's column names, arrays never null. */
export type Profile = z.output<typeof profileRowSchema>;

/** The row with its completion, as `save_profile_step` and `get_profile_with_completion` answer. */
export const profileWithCompletionSchema = profileRowSchema.extend({
  completion_percentage: z.number().int().min(0).max(100),
  missing_fields: z.array(z.enum(COMPLETION_FIELDS)),
  is_complete: z.boolean(),
});

export interface ProfileWithCompletion {
  profile: Profile;
  completionPercentage: number;
  missingFields: Profile["answered_fields"];
  isComplete: boolean;
}

/** Splits a parsed `profileWithCompletionSchema` value into the profile and its completion. */
export function splitCompletion(row: z.output<typeof profileWithCompletionSchema>): ProfileWithCompletion {
  const { completion_percentage, missing_fields, is_complete, ...profile } = row;
  return {
    profile,
    completionPercentage: completion_percentage,
    missingFields: missing_fields,
    isComplete: is_complete,
  };
}

export function parseProfileRow(row: unknown): Profile {
  return profileRowSchema.parse(row);
}
