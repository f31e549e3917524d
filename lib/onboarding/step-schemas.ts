/** Step ↔ schema slice: the zod schema each form step validates with (client and server alike). */
import {
  educationSchema,
  experienceSchema,
  preferencesSchema,
  salarySchema,
  skillsSchema,
} from "@/lib/profiles/schema";
import type { FormStepSlug } from "./steps";

export const STEP_SCHEMAS = {
  experience: experienceSchema,
  education: educationSchema,
  skills: skillsSchema,
  preferences: preferencesSchema,
  salary: salarySchema,
} as const satisfies Record<FormStepSlug, unknown>;
