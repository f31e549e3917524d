"use server";
/**
 * In-place edits on the profile page: the same schema slices as the wizard, the same write (which
 * marks the section's fields answered), no redirect — the page re-renders with the new values.
 */
import { revalidatePath } from "next/cache";
import { STEP_SCHEMAS } from "@/lib/onboarding/step-schemas";
import type { FormStepSlug } from "@/lib/onboarding/steps";
import { updateProfile } from "@/lib/profiles/update-profile";
import { success } from "./form-state";
import { profileFailure } from "./profile-form-state";
import { validatedActionWithUser } from "./safe-action";

function updateSection(section: FormStepSlug) {
  return validatedActionWithUser(
    STEP_SCHEMAS[section],
    async (answers, { user, supabase, values }) => {
      const result = await updateProfile(supabase, user.id, answers);
      if (!result.success) return profileFailure(result, values);
      revalidatePath("/profile");
      revalidatePath("/onboarding", "layout");
      return success("Saved.");
    },
    { name: `update-profile-section.${section}` },
  );
}

export const updateExperienceSection = updateSection("experience");
export const updateEducationSection = updateSection("education");
export const updateSkillsSection = updateSection("skills");
export const updatePreferencesSection = updateSection("preferences");
export const updateSalarySection = updateSection("salary");
