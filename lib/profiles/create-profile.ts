/**
 * createProfileAutomatically — the seed's idempotent "ensure a profile exists". The signup trigger
 * normally creates the row; this is the fallback (registration path, backfills, scripts).
 *
 * Works with either client:
 * - service role: inserts the row with the column defaults if it is missing;
 * - a signed-in user's client: can only see the row (no INSERT grant), so it reports "exists" or
 *   "not found" — which is what the registration path needs to know.
 */
import type { SupabaseClient } from "@supabase/supabase-js";
import { createLogger } from "@/lib/logger";
import { backendFailure, ok, type ProfileResult } from "./result";

const log = createLogger("lib.profiles.create");

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function findProfileId(supabase: SupabaseClient, userId: string) {
  return supabase.from("user_profiles").select("profile_id").eq("user_id", userId).maybeSingle<{
    profile_id: string;
  }>();
}

export async function createProfileAutomatically(supabase: SupabaseClient, userId: string): Promise<ProfileResult> {
  if (!UUID.test(userId)) {
    log.error("Refusing to create a profile for a malformed user id", { userId });
    return { success: false, message: "User not found", userId, errorDetails: "The user id is not a UUID." };
  }
  log.info(`Creating automatic profile for user: ${userId}`);

  const existing = await findProfileId(supabase, userId);
  if (existing.error) return backendFailure(log, userId, "Could not look up the profile", existing.error);
  if (existing.data) {
    log.warn("Profile already exists", { userId, profileId: existing.data.profile_id });
    return ok(userId, "Profile already exists", existing.data.profile_id);
  }

  // `ignoreDuplicates` makes this an INSERT … ON CONFLICT DO NOTHING: a trigger racing us is fine.
  const inserted = await supabase
    .from("user_profiles")
    .upsert({ user_id: userId }, { onConflict: "user_id", ignoreDuplicates: true })
    .select("profile_id");
  if (inserted.error) {
    if (inserted.error.code === "23503") {
      log.error("Cannot create a profile: no such auth user", { userId });
      return { success: false, message: "User not found", userId, errorDetails: "No auth user has this id." };
    }
    if (inserted.error.code === "42501") {
      // A user's client has no INSERT grant and sees no row: the trigger did not run for them.
      return backendFailure(log, userId, "Profile not found", inserted.error, { hint: "needs the service role" });
    }
    return backendFailure(log, userId, "Could not create the profile", inserted.error);
  }

  const row = (inserted.data as Array<{ profile_id: string }> | null)?.[0];
  if (row) {
    log.info("Profile created", { userId, profileId: row.profile_id });
    return ok(userId, "Profile created", row.profile_id);
  }

  // Nothing inserted: someone else created it between our read and our write.
  const again = await findProfileId(supabase, userId);
  if (again.error || !again.data) {
    return backendFailure(log, userId, "Could not create the profile", again.error ?? new Error("row vanished"));
  }
  log.warn("Profile already exists", { userId, profileId: again.data.profile_id });
  return ok(userId, "Profile already exists", again.data.profile_id);
}
