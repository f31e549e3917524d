"use server";
/**
 * "Finish" on the review step: the profile is complete once the required fields are answered
 * (the database decides, and sets profile_completed itself). Complete → the profile page.
 */
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { FIELD_LABELS } from "@/lib/profiles/fields";
import { getProfileCompletionStatus } from "@/lib/profiles/queries";
import { failure } from "./form-state";
import { validatedActionWithUser } from "./safe-action";

export const finishOnboarding = validatedActionWithUser(
  z.object({}),
  async (_data, { user, supabase, log }) => {
    const status = await getProfileCompletionStatus(supabase, user.id);
    if (!status) return failure("We could not find your profile. Please sign out and in again.");
    if (!status.isComplete) {
      const required = status.missingFields.filter(
        (field) => field === "years_of_experience" || field === "experience_level" || field === "education_level",
      );
      return failure(`Please answer ${required.map((field) => FIELD_LABELS[field]).join(", ")} before finishing.`);
    }
    log.info("Onboarding finished", { userId: user.id, completion: status.completionPercentage });
    revalidatePath("/profile");
    redirect("/profile?welcome=1");
  },
  { name: "finish-onboarding" },
);
