/**
 * The signed-in person's profile with its completion, read once per server render: the layout (for
 * the navigation) and the page (lib/onboarding/load.ts) ask for the same row, and React's `cache()`
 * makes that one request to the Data API, not two.
 */
import { cache } from "react";
import { createClient } from "@/lib/supabase/server";
import { getProfileWithCompletion } from "./queries";

export const getOwnProfile = cache(async (userId: string) => getProfileWithCompletion(await createClient(), userId));

/**
 * Whether the profile is complete (the database sets `profile_completed` once the required fields are
 * answered), for the navigation. A failed read answers "not complete": the navigation then keeps the
 * Onboarding tab, which is harmless; the page reports the error itself.
 */
export async function isProfileComplete(userId: string): Promise<boolean> {
  try {
    return (await getOwnProfile(userId))?.profile.profile_completed === true;
  } catch {
    return false;
  }
}
