"use server";
/**
 * "Skip for now" on an optional step: the step's fields not answered before are recorded as
 * skipped (save_profile_step with no values), so resuming moves past it and the percentage leaves
 * them out. Required steps cannot be skipped.
 */
import * as z from "zod/mini";
import { afterStep } from "@/lib/onboarding/after-step";
import { OPTIONAL_STEP_SLUGS } from "@/lib/onboarding/steps";
import { saveStep } from "@/lib/profiles/save-step";
import { validatedActionWithUser } from "./safe-action";

const skipSchema = z.object({
  step: z.enum(OPTIONAL_STEP_SLUGS, { error: "This step cannot be skipped" }),
});

export const skipOnboardingStep = validatedActionWithUser(
  skipSchema,
  async ({ step }, { user, supabase, values, formData, log }) => {
    const result = await saveStep(supabase, log, user.id, step, null);
    if (!result.ok) return { ...result, values };
    return afterStep(step, formData);
  },
  { name: "skip-onboarding-step" },
);
