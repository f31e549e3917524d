/**
 * Role templates: suggested answers for common roles. A
 * template only pre-fills the wizard's forms — nothing is saved until the person confirms a step.
 * Templates are data: add an entry to offer a new role.
 */
import type { EducationLevel, ExperienceLevel, WorkArrangement } from "./fields";

export interface ProfileTemplate {
  id: string;
  label: string;
  description: string;
  suggestions: {
    years_of_experience: number;
    experience_level: ExperienceLevel;
    education_level: EducationLevel;
    field_of_study: string | null;
    skills_technologies: string[];
    work_arrangement_preference: WorkArrangement;
  };
}

export const PROFILE_TEMPLATES: readonly ProfileTemplate[] = [
  {
    id: "frontend-engineer",
    label: "Frontend engineer",
    description: "Builds web interfaces with modern JavaScript frameworks.",
    suggestions: {
      years_of_experience: 4,
      experience_level: "mid",
      education_level: "bachelors",
      field_of_study: "Computer science",
      skills_technologies: ["TypeScript", "React", "CSS", "HTML", "Accessibility", "Testing"],
      work_arrangement_preference: "remote",
    },
  },
  {
    id: "data-analyst",
    label: "Data analyst",
    description: "Turns data into answers with SQL, spreadsheets and dashboards.",
    suggestions: {
      years_of_experience: 3,
      experience_level: "junior",
      education_level: "bachelors",
      field_of_study: "Statistics",
      skills_technologies: ["SQL", "Python", "Excel", "Tableau", "Statistics"],
      work_arrangement_preference: "hybrid",
    },
  },
  {
    id: "engineering-manager",
    label: "Engineering manager",
    description: "Leads a team of engineers: people, delivery and technical direction.",
    suggestions: {
      years_of_experience: 10,
      experience_level: "lead",
      education_level: "masters",
      field_of_study: "Computer science",
      skills_technologies: ["People management", "Hiring", "System design", "Roadmapping", "Agile delivery"],
      work_arrangement_preference: "hybrid",
    },
  },
  {
    id: "student-career-changer",
    label: "Student / career changer",
    description: "Starting out, or moving into a new field.",
    suggestions: {
      years_of_experience: 0,
      experience_level: "entry",
      education_level: "high_school",
      field_of_study: null,
      skills_technologies: ["Communication", "Problem solving", "Teamwork"],
      work_arrangement_preference: "any",
    },
  },
];

export function findTemplate(id: string | null | undefined): ProfileTemplate | null {
  return PROFILE_TEMPLATES.find((template) => template.id === id) ?? null;
}
