/**
 * Maps the database's named CHECK constraints to field errors, for the rare write the schemas let
 * through (a salary minimum saved against an older maximum, a script bypassing the forms). The
 * limits in the messages come from LIMITS, which fields.int.test.ts checks against pg_constraint.
 */
import { LIMITS } from "./fields";
import type { BackendError } from "./result";

const { yearsOfExperience, fieldOfStudy, skills, locations } = LIMITS;

const CONSTRAINT_FIELDS: Record<string, [field: string, message: string]> = {
  user_profiles_years_of_experience_range: [
    "years_of_experience",
    `Years of experience must be between ${yearsOfExperience.min} and ${yearsOfExperience.max}`,
  ],
  user_profiles_experience_level_allowed: ["experience_level", "Choose your experience level"],
  user_profiles_education_level_allowed: ["education_level", "Choose your education level"],
  user_profiles_field_of_study_length: [
    "field_of_study",
    `Field of study can be at most ${fieldOfStudy.maxLength} characters`,
  ],
  user_profiles_skills_technologies_items: [
    "skills_technologies",
    `You can add up to ${skills.maxItems} skills of at most ${skills.maxLength} characters`,
  ],
  user_profiles_work_arrangement_preference_allowed: ["work_arrangement_preference", "Choose a work arrangement"],
  user_profiles_preferred_locations_items: [
    "preferred_locations",
    `You can add up to ${locations.maxItems} locations of at most ${locations.maxLength} characters`,
  ],
  user_profiles_salary_min_nonnegative: ["salary_min", "Minimum salary must be at least 0"],
  user_profiles_salary_max_nonnegative: ["salary_max", "Maximum salary must be at least 0"],
  user_profiles_salary_range_order: ["salary_max", "Maximum salary must be at least the minimum salary"],
  user_profiles_salary_currency_format: ["salary_currency", "Choose a currency from the list"],
};

/** Field errors for a CHECK violation (SQLSTATE 23514) we know, otherwise null. */
export function fieldErrorsForConstraint(error: BackendError): Record<string, string> | null {
  if (error.code !== "23514") return null;
  const text = `${error.message} ${error.details ?? ""}`;
  for (const [name, [field, message]] of Object.entries(CONSTRAINT_FIELDS)) {
    if (text.includes(name)) return { [field]: message };
  }
  return null;
}
