/** Profile values as people read them. `null` means "nothing to show" (not answered or empty). */
import {
  EDUCATION_LEVEL_LABELS,
  EXPERIENCE_LEVEL_LABELS,
  WORK_ARRANGEMENT_LABELS,
  type CompletionField,
} from "@/lib/profiles/fields";
import type { Profile } from "@/lib/profiles/row";

function money(amount: number, currency: string): string {
  return `${amount.toLocaleString("en-US")} ${currency}`;
}

/** Salaries are yearly amounts (the wizard asks for them per year). */
export function formatSalary(min: number | null, max: number | null, currency: string | null): string | null {
  const code = currency ?? "USD";
  if (min !== null && max !== null) return `${money(min, code)} – ${money(max, code)} per year`;
  if (min !== null) return `From ${money(min, code)} per year`;
  if (max !== null) return `Up to ${money(max, code)} per year`;
  return null;
}

export function formatField(profile: Profile, field: CompletionField): string | null {
  if (!profile.answered_fields.includes(field)) return null;
  switch (field) {
    case "years_of_experience":
      return profile.years_of_experience === null
        ? null
        : `${profile.years_of_experience} ${profile.years_of_experience === 1 ? "year" : "years"}`;
    case "experience_level":
      return profile.experience_level ? EXPERIENCE_LEVEL_LABELS[profile.experience_level] : null;
    case "education_level":
      return profile.education_level ? EDUCATION_LEVEL_LABELS[profile.education_level] : null;
    case "field_of_study":
      return profile.field_of_study?.trim() || null;
    case "skills_technologies":
      return profile.skills_technologies.length > 0 ? profile.skills_technologies.join(", ") : null;
    case "work_arrangement_preference":
      return profile.work_arrangement_preference ? WORK_ARRANGEMENT_LABELS[profile.work_arrangement_preference] : null;
    case "preferred_locations":
      return profile.preferred_locations.length > 0 ? profile.preferred_locations.join(", ") : null;
    case "salary_range":
      return formatSalary(profile.salary_min, profile.salary_max, profile.salary_currency);
  }
}

/**
 * What an empty field says: "Skipped" only when the person pressed "Skip for now", "None given"
 * when they saved the step with it empty, "Not answered yet" before they reached it.
 */
export function emptyLabel(profile: Profile, field: CompletionField): string {
  if (profile.skipped_fields.includes(field)) return "Skipped";
  return profile.answered_fields.includes(field) ? "None given" : "Not answered yet";
}
