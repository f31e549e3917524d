/**
 * The profile/auth integration: what the registration path and server code call. Each takes the
 * Supabase client to act with (a user's server client, or the service role for scripts).
 */
import { createLogger } from "@/lib/logger";
import type { Result } from "@/lib/result";
import type { AppSupabase } from "@/lib/supabase/types";
import { createProfileAutomatically, type EnsuredProfile } from "./create-profile";
import { getProfile, getProfileCompletionStatus, type CompletionStatus } from "./queries";
import type { Profile } from "./row";
import type { SavedProfile } from "./save-step";
import type { ProfileUpdateInput } from "./schema";
import { updateProfile } from "./update-profile";

const log = createLogger("lib.profiles.integration");

export interface RegistrationData {
  email?: string | null;
  fullName?: string | null;
}

/** Makes sure a newly registered user has a profile (the trigger's fallback). */
export async function handleUserRegistration(
  supabase: AppSupabase,
  userId: string,
  userData: RegistrationData = {},
): Promise<Result<EnsuredProfile>> {
  // The address itself is personal data; its domain is enough to correlate support requests.
  log.info(`Handling registration for user: ${userId}`, { emailDomain: userData.email?.split("@")[1] ?? null });
  return createProfileAutomatically(supabase, userId);
}

export type ProfileVerification =
  { hasProfile: true; profileId: string; status: CompletionStatus } | { hasProfile: false };

/** Whether the user has a profile, and its completion status. */
export async function verifyUserProfile(supabase: AppSupabase, userId: string): Promise<ProfileVerification> {
  const profile = await getProfile(supabase, userId);
  if (!profile) {
    log.warn("User has no profile", { userId });
    return { hasProfile: false };
  }
  const status = await getProfileCompletionStatus(supabase, userId);
  if (!status) return { hasProfile: false };
  return { hasProfile: true, profileId: profile.profile_id, status };
}

export interface UserProfileData {
  userId: string;
  email: string | null;
  createdAt: string | null;
  profile: Profile | null;
  profileComplete: boolean;
  completion: CompletionStatus | null;
}

/** Auth user + profile together. Needs a service-role client (it reads the auth user by id). */
export async function getUserProfileData(admin: AppSupabase, userId: string): Promise<UserProfileData | null> {
  const { data, error } = await admin.auth.admin.getUserById(userId);
  if (error || !data.user) {
    log.warn("Auth user not found", { userId, status: error?.status });
    return null;
  }
  const [profile, completion] = await Promise.all([
    getProfile(admin, userId),
    getProfileCompletionStatus(admin, userId),
  ]);
  return {
    userId,
    email: data.user.email ?? null,
    createdAt: data.user.created_at ?? null,
    profile,
    profileComplete: completion?.isComplete ?? false,
    completion,
  };
}

/**
 * Validated update with logging; if the profile is missing (a user from before the trigger) it is
 * ensured first, which succeeds only with a service-role client.
 */
export async function updateUserProfile(
  supabase: AppSupabase,
  userId: string,
  updates: ProfileUpdateInput | Record<string, unknown>,
): Promise<Result<SavedProfile>> {
  const result = await updateProfile(supabase, userId, updates);
  if (result.ok || result.kind !== "not_found") return result;
  const ensured = await createProfileAutomatically(supabase, userId);
  if (!ensured.ok) return result;
  log.info("Created the missing profile before updating it", { userId });
  return updateProfile(supabase, userId, updates);
}
