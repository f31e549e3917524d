/**
 * What each form shows before the person types: their saved answer when the field is answered,
 * otherwise the chosen template's suggestion, otherwise nothing. Column defaults (0 years, "entry",
 * "bachelors", "any") are not answers, so they are never shown as if they were.
 */
import type { CompletionField } from "@/lib/profiles/fields";
import type { Profile } from "@/lib/profiles/row";
import type { ProfileTemplate } from "@/lib/profiles/templates";

export function formDefaults(profile: Profile, template: ProfileTemplate | null) {
  const answered = (field: CompletionField) => profile.answered_fields.includes(field);
  const hint = template?.suggestions;
  const text = (value: number | null | undefined) => (value === null || value === undefined ? "" : String(value));

  return {
    experience: {
      years_of_experience: answered("years_of_experience")
        ? text(profile.years_of_experience)
        : text(hint?.years_of_experience),
      experience_level: answered("experience_level") ? (profile.experience_level ?? undefined) : hint?.experience_level,
    },
    education: {
      education_level: answered("education_level") ? (profile.education_level ?? undefined) : hint?.education_level,
      field_of_study: answered("field_of_study") ? (profile.field_of_study ?? "") : (hint?.field_of_study ?? ""),
    },
    skills: {
      skills_technologies: answered("skills_technologies")
        ? profile.skills_technologies
        : (hint?.skills_technologies ?? []),
    },
    preferences: {
      work_arrangement_preference: answered("work_arrangement_preference")
        ? (profile.work_arrangement_preference ?? undefined)
        : hint?.work_arrangement_preference,
      preferred_locations: answered("preferred_locations") ? profile.preferred_locations : [],
    },
    salary: {
      salary_min: answered("salary_range") ? text(profile.salary_min) : "",
      salary_max: answered("salary_range") ? text(profile.salary_max) : "",
      salary_currency: profile.salary_currency ?? "USD",
    },
  };
}
