"use server";
/**
 * "Finish" on the review step: the profile is complete once the required fields are answered
 * (the database decides, and sets profile_completed itself). Complete → the profile page, which
 * greets the person once (`?welcome=1` plus a one-time cookie the page drops as soon as it shows).
 */
import { revalidatePath } from "next/cache";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import * as z from "zod/mini";
import { FIELD_LABELS, REQUIRED_FIELDS } from "@/lib/profiles/fields";
import { WELCOME_COOKIE } from "@/lib/onboarding/welcome";
import { getProfileCompletionStatus } from "@/lib/profiles/queries";
import { failure } from "./form-state";
import { validatedActionWithUser } from "./safe-action";

export const finishOnboarding = validatedActionWithUser(
  z.object({}),
  async (_data, { user, supabase, log }) => {
    const status = await getProfileCompletionStatus(supabase, user.id);
    if (!status) return failure("We could not find your profile. Please sign out and in again.", {}, {}, "not_found");
    if (!status.isComplete) {
      const required = status.missingFields.filter((field) => REQUIRED_FIELDS.includes(field));
      return failure(`Please answer ${required.map((field) => FIELD_LABELS[field]).join(", ")} before finishing.`);
    }
    log.info("Onboarding finished", { userId: user.id, completion: status.completionPercentage });
    revalidatePath("/profile");
    // The welcome is shown once: the profile page needs this flag, which the browser drops on sight.
    (await cookies()).set(WELCOME_COOKIE, "1", { path: "/profile", maxAge: 300, sameSite: "lax" });
    redirect("/profile?welcome=1");
  },
  { name: "finish-onboarding" },
);
