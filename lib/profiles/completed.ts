/**
 * The signed-in person's profile with its completion, read once per server render: the layout (for
 * the navigation) and the page (lib/onboarding/load.ts) ask for the same row, and React's `cache()`
 * makes that one request to the Data API, not two.
 */
import { cache } from "react";
import { sawOutage, ServiceUnavailableError } from "@/lib/supabase/outage";
import { createClient } from "@/lib/supabase/server";
import { getProfileWithCompletion } from "./queries";

/**
 * The read uses a client of its own, so the caller cannot ask that client whether the backend was
 * down: a failure during an outage is thrown as ServiceUnavailableError (the 503 page), any other
 * failure as it came.
 */
export const getOwnProfile = cache(async (userId: string) => {
  const supabase = await createClient();
  try {
    return await getProfileWithCompletion(supabase, userId);
  } catch (error) {
    throw sawOutage(supabase) ? new ServiceUnavailableError(error) : error;
  }
});

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
