"use client";

/**
 * The client registry: each wizard step's Fields component, by slug. The step's record
 * (lib/onboarding/steps.ts) holds everything else; a new step adds one line here.
 */
import type { ComponentType } from "react";
import type { FieldValues } from "react-hook-form";
import type { ActionFormApi } from "@/lib/actions/use-action-form";
import type { FormStepSlug } from "@/lib/onboarding/steps";
import { EducationFields } from "./education-fields";
import { ExperienceFields } from "./experience-fields";
import { PreferencesFields } from "./preferences-fields";
import { SalaryFields } from "./salary-fields";
import { SkillsFields } from "./skills-fields";

// Each component is typed by its own step's input; the registry erases that to one shape.
type AnyFields = ComponentType<{ api: ActionFormApi<FieldValues> }>;

export const STEP_FIELDS: Record<FormStepSlug, AnyFields> = {
  experience: ExperienceFields as unknown as AnyFields,
  education: EducationFields as unknown as AnyFields,
  skills: SkillsFields as unknown as AnyFields,
  preferences: PreferencesFields as unknown as AnyFields,
  salary: SalaryFields as unknown as AnyFields,
};
