/**
 * The registration path after a successful sign-up or confirmation: verify the signup trigger created
 * the profile, and when it did not (a database without the trigger, a user from before it), create it
 * through `handleUserRegistration` (createProfileAutomatically) and log a warning.
 * Uses the service role: the person has no session yet while their email is unconfirmed.
 */
import { createLogger } from "@/lib/logger";
import { getProfile, handleUserRegistration, type EnsuredProfile } from "@/lib/profiles";
import { ok, type Result } from "@/lib/result";
import { createAdminClient } from "@/lib/supabase/admin";

const log = createLogger("lib.auth.registration");

export async function ensureProfileForNewUser(userId: string, email: string | null): Promise<Result<EnsuredProfile>> {
  const admin = createAdminClient();
  const existing = await getProfile(admin, userId);
  if (existing) {
    log.debug("Signup trigger created the profile", { userId, profileId: existing.profile_id });
    return ok({ profileId: existing.profile_id, created: false }, "Profile exists");
  }
  log.warn("Signup trigger did not create a profile; creating it now", { userId });
  const result = await handleUserRegistration(admin, userId, { email });
  if (!result.ok) log.error("Fallback profile creation failed", { userId, referenceId: result.referenceId });
  return result;
}
