/**
 * createProfileAutomatically — the idempotent "ensure a profile exists". The signup trigger
 * normally creates the row; this is the fallback (registration path, backfills, scripts).
 *
 * Works with either client:
 * - service role: inserts the row with the column defaults if it is missing;
 * - a signed-in user's client: can only see the row (no INSERT grant), so it reports "exists" or
 *   "not found" — which is what the registration path needs to know.
 */
import { createLogger } from "@/lib/logger";
import { ok, type Result } from "@/lib/result";
import type { AppSupabase } from "@/lib/supabase/types";
import { backendFailure, notFound } from "./result";

const log = createLogger("lib.profiles.create");

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface EnsuredProfile {
  profileId: string;
  created: boolean;
}

async function findProfileId(supabase: AppSupabase, userId: string) {
  return supabase.from("user_profiles").select("profile_id").eq("user_id", userId).maybeSingle();
}

export async function createProfileAutomatically(
  supabase: AppSupabase,
  userId: string,
): Promise<Result<EnsuredProfile>> {
  if (!UUID.test(userId)) return notFound(log, userId, "The user id is not a UUID.");
  log.info(`Creating automatic profile for user: ${userId}`);

  const existing = await findProfileId(supabase, userId);
  if (existing.error) return backendFailure(log, userId, "We could not look up your profile", existing.error);
  if (existing.data) {
    log.warn("Profile already exists", { userId, profileId: existing.data.profile_id });
    return ok({ profileId: existing.data.profile_id, created: false }, "Profile already exists");
  }

  // `ignoreDuplicates` makes this an INSERT … ON CONFLICT DO NOTHING: a trigger racing us is fine.
  const inserted = await supabase
    .from("user_profiles")
    .upsert({ user_id: userId }, { onConflict: "user_id", ignoreDuplicates: true })
    .select("profile_id");
  if (inserted.error) {
    if (inserted.error.code === "23503") return notFound(log, userId, "No auth user has this id.");
    if (inserted.error.code === "42501") {
      // A user's client has no INSERT grant and sees no row: the trigger did not run for them.
      return backendFailure(log, userId, "We could not find your profile", inserted.error, {
        hint: "needs the service role",
      });
    }
    return backendFailure(log, userId, "We could not create your profile", inserted.error);
  }

  const row = inserted.data[0];
  if (row) {
    log.info("Profile created", { userId, profileId: row.profile_id });
    return ok({ profileId: row.profile_id, created: true }, "Profile created");
  }

  // Nothing inserted: someone else created it between our read and our write.
  const again = await findProfileId(supabase, userId);
  if (again.error || !again.data) {
    return backendFailure(log, userId, "We could not create your profile", again.error ?? new Error("row vanished"));
  }
  log.warn("Profile already exists", { userId, profileId: again.data.profile_id });
  return ok({ profileId: again.data.profile_id, created: false }, "Profile already exists");
}
