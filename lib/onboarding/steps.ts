/**
 * The onboarding wizard as data: one record per step, in order. A record holds everything about its
 * step — URL slug, titles, the completion fields it asks for, whether it may be skipped, the zod
 * schema its form and its save action validate with, and the form's starting values. Pages, the
 * stepper, the profile sections, the save action and "where to resume" all read these records; the
 * Fields component of each step is registered in components/onboarding/step-fields.tsx, and SQL's
 * private.wizard_steps() is checked against them (steps.int.test.ts). See docs/architecture.md,
 * "Adding a wizard step".
 */
import type * as z from "zod/mini";
import type { CompletionField } from "@/lib/profiles/fields";
import type { Profile } from "@/lib/profiles/row";
import {
  educationSchema,
  experienceSchema,
  preferencesSchema,
  salarySchema,
  skillsSchema,
} from "@/lib/profiles/schema";
import type { ProfileTemplate } from "@/lib/profiles/templates";

type Suggestions = ProfileTemplate["suggestions"];

interface StepRecord<Slug extends string, Schema extends z.ZodMiniType> {
  slug: Slug;
  label: string;
  title: string;
  description: string;
  fields: readonly CompletionField[];
  optional: boolean;
  schema: Schema;
  /**
   * The form's starting values, as the form holds them (text; "" = nothing chosen): the saved
   * answer when answered, else the template's suggestion, else empty.
   */
  defaults: (profile: Profile, suggestions: Suggestions | null) => Record<keyof z.input<Schema>, string | string[]>;
}

const step = <Slug extends string, Schema extends z.ZodMiniType>(record: StepRecord<Slug, Schema>) => record;

const text = (value: number | null | undefined) => (value === null || value === undefined ? "" : String(value));
const answered = (profile: Profile, field: CompletionField) => profile.answered_fields.includes(field);

export const FORM_STEPS = [
  step({
    slug: "experience",
    label: "Experience",
    title: "Your experience",
    description: "How long you have worked and at what level.",
    fields: ["years_of_experience", "experience_level"],
    optional: false,
    schema: experienceSchema,
    defaults: (profile, hint) => ({
      years_of_experience: answered(profile, "years_of_experience")
        ? text(profile.years_of_experience)
        : text(hint?.years_of_experience),
      experience_level: answered(profile, "experience_level")
        ? (profile.experience_level ?? "")
        : (hint?.experience_level ?? ""),
    }),
  }),
  step({
    slug: "education",
    label: "Education",
    title: "Your education",
    description: "Your highest level of education and what you studied.",
    fields: ["education_level", "field_of_study"],
    optional: false,
    schema: educationSchema,
    defaults: (profile, hint) => ({
      education_level: answered(profile, "education_level")
        ? (profile.education_level ?? "")
        : (hint?.education_level ?? ""),
      field_of_study: answered(profile, "field_of_study")
        ? (profile.field_of_study ?? "")
        : (hint?.field_of_study ?? ""),
    }),
  }),
  step({
    slug: "skills",
    label: "Skills",
    title: "Your skills",
    description: "The skills and technologies you work with.",
    fields: ["skills_technologies"],
    optional: true,
    schema: skillsSchema,
    defaults: (profile, hint) => ({
      skills_technologies: answered(profile, "skills_technologies")
        ? profile.skills_technologies
        : (hint?.skills_technologies ?? []),
    }),
  }),
  step({
    slug: "preferences",
    label: "Preferences",
    title: "Work preferences",
    description: "How and where you would like to work.",
    fields: ["work_arrangement_preference", "preferred_locations"],
    optional: true,
    schema: preferencesSchema,
    defaults: (profile, hint) => ({
      work_arrangement_preference: answered(profile, "work_arrangement_preference")
        ? (profile.work_arrangement_preference ?? "")
        : (hint?.work_arrangement_preference ?? ""),
      preferred_locations: answered(profile, "preferred_locations") ? profile.preferred_locations : [],
    }),
  }),
  step({
    slug: "salary",
    label: "Salary",
    title: "Salary expectations",
    description: "The yearly range you are looking for, in the currency you are paid in.",
    fields: ["salary_range"],
    optional: true,
    schema: salarySchema,
    defaults: (profile) => ({
      salary_min: answered(profile, "salary_range") ? text(profile.salary_min) : "",
      salary_max: answered(profile, "salary_range") ? text(profile.salary_max) : "",
      salary_currency: profile.salary_currency ?? "USD",
    }),
  }),
] as const;

export const REVIEW_STEP = {
  slug: "review",
  label: "Review",
  title: "Review your profile",
  description: "Check your answers, change anything you like, then finish.",
  fields: [],
  optional: false,
} as const;

export type FormStep = (typeof FORM_STEPS)[number];
export type FormStepSlug = FormStep["slug"];
export type Step = FormStep | typeof REVIEW_STEP;
export type StepSlug = Step["slug"];

export const STEPS: readonly Step[] = [...FORM_STEPS, REVIEW_STEP];
export const STEP_SLUGS = STEPS.map((candidate) => candidate.slug) as [StepSlug, ...StepSlug[]];
export const FORM_STEP_SLUGS = FORM_STEPS.map((candidate) => candidate.slug) as [FormStepSlug, ...FormStepSlug[]];
export const OPTIONAL_STEP_SLUGS = FORM_STEPS.filter((candidate) => candidate.optional).map(
  (candidate) => candidate.slug,
) as [FormStepSlug, ...FormStepSlug[]];

export function isStepSlug(value: string): value is StepSlug {
  return (STEP_SLUGS as readonly string[]).includes(value);
}

export function isFormStepSlug(value: unknown): value is FormStepSlug {
  return typeof value === "string" && (FORM_STEP_SLUGS as readonly string[]).includes(value);
}

export function getStep(slug: StepSlug): Step {
  const found = STEPS.find((candidate) => candidate.slug === slug);
  if (!found) throw new Error(`Unknown onboarding step: ${slug}`);
  return found;
}

export function getFormStep<S extends FormStepSlug>(slug: S): Extract<FormStep, { slug: S }> {
  const found = FORM_STEPS.find((candidate) => candidate.slug === slug);
  if (!found) throw new Error(`Unknown onboarding step: ${slug}`);
  return found as Extract<FormStep, { slug: S }>;
}

export function isFormStep(candidate: Step): candidate is FormStep {
  return candidate.slug !== REVIEW_STEP.slug;
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
export function isStepAnswered(candidate: Pick<Step, "fields">, answeredFields: readonly CompletionField[]): boolean {
  return candidate.fields.length > 0 && candidate.fields.every((field) => answeredFields.includes(field));
}

/** A step was skipped when every field it asks for was skipped rather than saved. */
export function isStepSkipped(candidate: Step, skippedFields: readonly CompletionField[]): boolean {
  return candidate.fields.length > 0 && candidate.fields.every((field) => skippedFields.includes(field));
}

/** Where `/onboarding` resumes: the first step not yet answered, or review when all are. */
export function firstUnansweredStep<S extends string = FormStepSlug>(
  answeredFields: readonly CompletionField[],
  steps: readonly { slug: S; fields: readonly CompletionField[] }[] = FORM_STEPS as never,
): S | typeof REVIEW_STEP.slug {
  return steps.find((candidate) => !isStepAnswered(candidate, answeredFields))?.slug ?? REVIEW_STEP.slug;
}

/** The wizard step that asks for a completion field (for "missing" links on the profile page). */
export function stepForField(field: CompletionField): FormStepSlug {
  const found = FORM_STEPS.find((candidate) => candidate.fields.includes(field));
  if (!found) throw new Error(`No step asks for ${field}`);
  return found.slug;
}

export interface StepLinkOptions {
  template?: string | null;
  /** "profile": the step was opened from /profile, so saving or skipping returns there. */
  from?: "profile" | null;
}

export function stepHref(slug: StepSlug, options: StepLinkOptions | string | null = {}): string {
  const { template, from } = typeof options === "string" || options === null ? { template: options } : options;
  const query = new URLSearchParams();
  if (template) query.set("template", template);
  if (from) query.set("from", from);
  const search = query.toString();
  return search ? `/onboarding/${slug}?${search}` : `/onboarding/${slug}`;
}
