/**
 * The registration path after a successful sign-up or confirmation: verify the signup trigger created
 * the profile, and when it did not (a database without the trigger, a user from before it), create it
 * through the seed's `handleUserRegistration` (createProfileAutomatically) and log a warning.
 * Uses the service role: the person has no session yet while their email is unconfirmed.
 */
import { createLogger } from "@/lib/logger";
import { getProfile, handleUserRegistration, type ProfileResult } from "@/lib/profiles";
import { createAdminClient } from "@/lib/supabase/admin";

const log = createLogger("lib.auth.registration");

export async function ensureProfileForNewUser(userId: string, email: string | null): Promise<ProfileResult> {
  const admin = createAdminClient();
  const existing = await getProfile(admin, userId);
  if (existing) {
    log.debug("Signup trigger created the profile", { userId, profileId: existing.profile_id });
    return { success: true, message: "Profile exists", userId, profileId: existing.profile_id };
  }
  log.warn("Signup trigger did not create a profile; creating it now", { userId });
  const result = await handleUserRegistration(admin, userId, { email });
  if (!result.success) log.error("Fallback profile creation failed", { userId, referenceId: result.referenceId });
  return result;
}
