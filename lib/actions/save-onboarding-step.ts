"use server";
/**
 * Saving a wizard step: re-check the user (the wrapper), validate with the step's schema slice,
 * write the answers and mark the step's fields answered in one update, then go to the next step.
 * One export per form step; they differ only in the schema.
 */
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { STEP_SCHEMAS } from "@/lib/onboarding/step-schemas";
import { nextStep, stepHref, type FormStepSlug } from "@/lib/onboarding/steps";
import { updateProfile } from "@/lib/profiles/update-profile";
import { findTemplate } from "@/lib/profiles/templates";
import { profileFailure } from "./profile-form-state";
import { validatedActionWithUser } from "./safe-action";

/** The template id travels along the wizard in the URL; only known ids are kept. */
function templateOf(formData: FormData): string | null {
  const raw = formData.get("template");
  return typeof raw === "string" ? (findTemplate(raw)?.id ?? null) : null;
}

function saveStep(step: FormStepSlug) {
  return validatedActionWithUser(
    STEP_SCHEMAS[step],
    async (answers, { user, supabase, formData, values }) => {
      const result = await updateProfile(supabase, user.id, answers);
      if (!result.success) return profileFailure(result, values);
      revalidatePath("/onboarding", "layout");
      revalidatePath("/profile");
      redirect(stepHref(nextStep(step) ?? "review", templateOf(formData)));
    },
    { name: `save-onboarding-step.${step}` },
  );
}

export const saveExperienceStep = saveStep("experience");
export const saveEducationStep = saveStep("education");
export const saveSkillsStep = saveStep("skills");
export const savePreferencesStep = saveStep("preferences");
export const saveSalaryStep = saveStep("salary");
