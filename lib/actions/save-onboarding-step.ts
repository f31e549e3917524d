"use server";
/**
 * Saving a wizard step, from the wizard or from a profile section: the client binds the step's
 * slug and where to go next (`saveOnboardingStep.bind(null, step, then)`). Bound arguments come
 * from the browser, so both are checked here; the step's record gives the schema, and the database
 * write (save_profile_step) accepts only that step's columns. Then:
 *  - "next": the wizard's next step (or back to /profile when the step was opened from there);
 *  - "stay": a profile section — no redirect, the page re-renders with the new values.
 */
import { revalidatePath } from "next/cache";
import { NOT_A_FORM_MESSAGE } from "@/lib/input/form-limits";
import { afterStep } from "@/lib/onboarding/after-step";
import { FORM_STEPS, isFormStepSlug, type FormStepSlug } from "@/lib/onboarding/steps";
import { saveStep } from "@/lib/profiles/save-step";
import { failure, success, type FormState } from "./form-state";
import { validatedActionWithUser, type FormAction } from "./safe-action";

export type SaveThen = "next" | "stay";

function saveAction(step: FormStepSlug, then: SaveThen): FormAction {
  const record = FORM_STEPS.find((candidate) => candidate.slug === step);
  if (!record) throw new Error(`Unknown onboarding step: ${step}`);
  return validatedActionWithUser(
    record.schema,
    async (answers, { user, supabase, formData, values, log }) => {
      const result = await saveStep(supabase, log, user.id, step, answers);
      if (!result.ok) return { ...result, values };
      if (then === "stay") {
        revalidatePath("/profile");
        revalidatePath("/onboarding", "layout");
        return success("Saved.");
      }
      return afterStep(step, formData);
    },
    { name: `save-onboarding-step.${step}.${then}` },
  );
}

const ACTIONS = new Map(
  FORM_STEPS.flatMap((record) =>
    (["next", "stay"] as const).map((then) => [`${record.slug}:${then}`, saveAction(record.slug, then)] as const),
  ),
);

export async function saveOnboardingStep(
  step: FormStepSlug,
  then: SaveThen,
  previous: FormState,
  formData: FormData,
): Promise<FormState> {
  // Bound arguments come from the caller too: a call that is not (step, then, state, form) is no form.
  if (!(formData instanceof FormData)) return failure(NOT_A_FORM_MESSAGE);
  const action = isFormStepSlug(step) ? ACTIONS.get(`${step}:${then}`) : undefined;
  if (!action) return failure("This step does not exist. Please reload the page.");
  return action(previous, formData);
}
