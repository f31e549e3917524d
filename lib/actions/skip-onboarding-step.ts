"use server";
/**
 * "Skip for now" on an optional step: the step's fields are recorded as answered-empty (see
 * lib/profiles/skip-fields.ts), so resuming moves past it and the percentage leaves them out.
 */
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getStep, nextStep, OPTIONAL_STEP_SLUGS, stepHref } from "@/lib/onboarding/steps";
import { skipFields } from "@/lib/profiles/skip-fields";
import { findTemplate } from "@/lib/profiles/templates";
import { profileFailure } from "./profile-form-state";
import { validatedActionWithUser } from "./safe-action";

const skipSchema = z.object({
  step: z.enum(OPTIONAL_STEP_SLUGS, { error: "This step cannot be skipped" }),
  template: z.string().optional(),
});

export const skipOnboardingStep = validatedActionWithUser(
  skipSchema,
  async ({ step, template }, { user, supabase, values }) => {
    const result = await skipFields(supabase, user.id, getStep(step).fields);
    if (!result.success) return profileFailure(result, values);
    revalidatePath("/onboarding", "layout");
    revalidatePath("/profile");
    redirect(stepHref(nextStep(step) ?? "review", findTemplate(template)?.id));
  },
  { name: "skip-onboarding-step" },
);
