/**
 * The landing page's example profile, as data: the rows it shows and the stored state they stand for.
 * `supabase/tests/landing-preview.int.test.ts` scores `state` with the database's completion rule and
 * checks it equals `percentage`, so the picture never promises a number the app would not show.
 */
export const LANDING_PREVIEW = {
  percentage: 76,
  rows: [
    ["Experience", "Mid-level · 4 years", true],
    ["Education", "Master's · Computer science", true],
    ["Skills", "TypeScript, React, PostgreSQL", true],
    ["Preferences", "Not answered yet", false],
    ["Salary", "Not answered yet", false],
  ],
  state: {
    years_of_experience: 4,
    experience_level: "mid",
    education_level: "masters",
    field_of_study: "Computer science",
    skills_technologies: ["TypeScript", "React", "PostgreSQL"],
    answered_fields: [
      "years_of_experience",
      "experience_level",
      "education_level",
      "field_of_study",
      "skills_technologies",
    ],
  },
} as const;
