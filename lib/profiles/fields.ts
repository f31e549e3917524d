/**
 * The profile's vocabulary in ONE place: allowed values, limits and the completion field names.
 * These mirror the CHECK constraints in supabase/migrations/20261125000100_user_profiles.sql;
 * `fields.int.test.ts` reads pg_constraint and fails if the two ever drift apart.
 */

export const EXPERIENCE_LEVELS = ["entry", "junior", "mid", "senior", "lead", "executive"] as const;
export const EDUCATION_LEVELS = ["high_school", "associates", "bachelors", "masters", "phd", "other"] as const;
export const WORK_ARRANGEMENTS = ["any", "remote", "hybrid", "on_site"] as const;

export type ExperienceLevel = (typeof EXPERIENCE_LEVELS)[number];
export type EducationLevel = (typeof EDUCATION_LEVELS)[number];
export type WorkArrangement = (typeof WORK_ARRANGEMENTS)[number];

export const LIMITS = {
  yearsOfExperience: { min: 0, max: 70 },
  fieldOfStudy: { maxLength: 120 },
  skills: { maxItems: 50, maxLength: 50 },
  locations: { maxItems: 20, maxLength: 100 },
  /** Postgres `integer` upper bound; salaries are whole units of the currency. */
  salary: { min: 0, max: 2_147_483_647 },
} as const;

/**
 * Completion field names, in the database's order (private.profile_field_status). `salary_range`
 * stands for salary_min, salary_max and salary_currency together.
 */
export const COMPLETION_FIELDS = [
  "years_of_experience",
  "experience_level",
  "education_level",
  "field_of_study",
  "skills_technologies",
  "work_arrangement_preference",
  "preferred_locations",
  "salary_range",
] as const;
export type CompletionField = (typeof COMPLETION_FIELDS)[number];

export const REQUIRED_FIELDS: readonly CompletionField[] = [
  "years_of_experience",
  "experience_level",
  "education_level",
];

/** The columns a person may write (the column-level UPDATE grant, minus answered_fields). */
export const EDITABLE_COLUMNS = [
  "years_of_experience",
  "experience_level",
  "education_level",
  "field_of_study",
  "skills_technologies",
  "work_arrangement_preference",
  "preferred_locations",
  "salary_min",
  "salary_max",
  "salary_currency",
] as const;
export type EditableColumn = (typeof EDITABLE_COLUMNS)[number];

/** Which completion field a column belongs to. */
export function completionFieldOf(column: EditableColumn): CompletionField {
  return column === "salary_min" || column === "salary_max" || column === "salary_currency" ? "salary_range" : column;
}

/** The columns a completion field is stored in. */
export function columnsOf(field: CompletionField): EditableColumn[] {
  return field === "salary_range" ? ["salary_min", "salary_max", "salary_currency"] : [field];
}

/** People-facing names of fields and values, shared by the wizard, the profile page and errors. */
export const FIELD_LABELS: Record<CompletionField | EditableColumn, string> = {
  years_of_experience: "Years of experience",
  experience_level: "Experience level",
  education_level: "Education level",
  field_of_study: "Field of study",
  skills_technologies: "Skills",
  work_arrangement_preference: "Work arrangement",
  preferred_locations: "Preferred locations",
  salary_range: "Salary range",
  salary_min: "Minimum salary",
  salary_max: "Maximum salary",
  salary_currency: "Currency",
};

export const EXPERIENCE_LEVEL_LABELS: Record<ExperienceLevel, string> = {
  entry: "Entry level",
  junior: "Junior",
  mid: "Mid-level",
  senior: "Senior",
  lead: "Lead",
  executive: "Executive",
};

export const EDUCATION_LEVEL_LABELS: Record<EducationLevel, string> = {
  high_school: "High school",
  associates: "Associate degree",
  bachelors: "Bachelor's degree",
  masters: "Master's degree",
  phd: "PhD / doctorate",
  other: "Other",
};

export const WORK_ARRANGEMENT_LABELS: Record<WorkArrangement, string> = {
  any: "Open to anything",
  remote: "Remote",
  hybrid: "Hybrid",
  on_site: "On-site",
};
