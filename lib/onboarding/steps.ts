/**
 * The onboarding wizard as data: one entry per step, in order, each with its URL slug, its title,
 * the completion fields it asks for and whether it may be skipped. Pages, the stepper, the actions
 * and "where to resume" all read this list — adding a step is adding an entry here.
 */
import type { CompletionField } from "@/lib/profiles/fields";

export const STEPS = [
  {
    slug: "experience",
    label: "Experience",
    title: "Your experience",
    description: "How long you have worked and at what level.",
    fields: ["years_of_experience", "experience_level"],
    optional: false,
  },
  {
    slug: "education",
    label: "Education",
    title: "Your education",
    description: "Your highest level of education and what you studied.",
    fields: ["education_level", "field_of_study"],
    optional: false,
  },
  {
    slug: "skills",
    label: "Skills",
    title: "Your skills",
    description: "The skills and technologies you work with.",
    fields: ["skills_technologies"],
    optional: true,
  },
  {
    slug: "preferences",
    label: "Preferences",
    title: "Work preferences",
    description: "How and where you would like to work.",
    fields: ["work_arrangement_preference", "preferred_locations"],
    optional: true,
  },
  {
    slug: "salary",
    label: "Salary",
    title: "Salary expectations",
    description: "The range you are looking for, in the currency you are paid in.",
    fields: ["salary_range"],
    optional: true,
  },
  {
    slug: "review",
    label: "Review",
    title: "Review your profile",
    description: "Check your answers, change anything you like, then finish.",
    fields: [],
    optional: false,
  },
] as const satisfies ReadonlyArray<{
  slug: string;
  label: string;
  title: string;
  description: string;
  fields: readonly CompletionField[];
  optional: boolean;
}>;

export type Step = (typeof STEPS)[number];
export type StepSlug = Step["slug"];
/** Steps with a form (everything but review). */
export type FormStepSlug = Exclude<StepSlug, "review">;
export type OptionalStepSlug = Extract<Step, { optional: true }>["slug"];

export const STEP_SLUGS = STEPS.map((step) => step.slug) as [StepSlug, ...StepSlug[]];
export const OPTIONAL_STEP_SLUGS = STEPS.filter((step) => step.optional).map((step) => step.slug) as [
  OptionalStepSlug,
  ...OptionalStepSlug[],
];

export function isStepSlug(value: string): value is StepSlug {
  return (STEP_SLUGS as readonly string[]).includes(value);
}

export function getStep(slug: StepSlug): Step {
  const step = STEPS.find((candidate) => candidate.slug === slug);
  if (!step) throw new Error(`Unknown onboarding step: ${slug}`);
  return step;
}

export function stepIndex(slug: StepSlug): number {
  return STEP_SLUGS.indexOf(slug);
}

export function nextStep(slug: StepSlug): StepSlug | null {
  return STEP_SLUGS[stepIndex(slug) + 1] ?? null;
}

export function previousStep(slug: StepSlug): StepSlug | null {
  const index = stepIndex(slug);
  return index > 0 ? (STEP_SLUGS[index - 1] ?? null) : null;
}

/** A step is done once every field it asks for is answered (saved or skipped). */
export function isStepAnswered(step: Step, answered: readonly CompletionField[]): boolean {
  return step.fields.length > 0 && step.fields.every((field) => answered.includes(field));
}

/** Where `/onboarding` resumes: the first step not yet answered, or review when all are. */
export function firstUnansweredStep(answered: readonly CompletionField[]): StepSlug {
  const step = STEPS.find((candidate) => candidate.fields.length > 0 && !isStepAnswered(candidate, answered));
  return step?.slug ?? "review";
}

/** The wizard step that asks for a completion field (for "missing" links on the profile page). */
export function stepForField(field: CompletionField): FormStepSlug {
  const step = STEPS.find((candidate) => (candidate.fields as readonly CompletionField[]).includes(field));
  if (!step || step.slug === "review") throw new Error(`No step asks for ${field}`);
  return step.slug;
}

export function stepHref(slug: StepSlug, template?: string | null): string {
  return template ? `/onboarding/${slug}?template=${encodeURIComponent(template)}` : `/onboarding/${slug}`;
}
