/**
 * "Download my data": everything the app holds about the signed-in person, as one JSON document —
 * the auth record without secrets (no password hash, tokens or factors), the profile, its completion
 * status and the full change history. Read with the person's own client, so RLS decides what is
 * theirs; the auth record comes from the Auth server (getUser), not from a cookie.
 */
import type { User } from "@supabase/supabase-js";
import { fullNameOf } from "@/lib/account/full-name";
import { getProfile, getProfileCompletionStatus, type CompletionStatus, type Profile } from "@/lib/profiles";
import type { ServerSupabase } from "@/lib/supabase/server";

export interface AccountExport {
  format: "autoprofile-account-export";
  version: 1;
  exported_at: string;
  account: {
    id: string;
    full_name: string | null;
    email: string | null;
    new_email_pending: string | null;
    created_at: string;
    email_confirmed_at: string | null;
    last_sign_in_at: string | null;
    role: string | null;
    user_metadata: Record<string, unknown>;
  };
  profile: Profile | null;
  completion: CompletionStatus | null;
  history: { field: string; old_value: unknown; new_value: unknown; changed_by_me: boolean; changed_at: string }[];
}

export class AccountExportError extends Error {
  override name = "AccountExportError";
}

/** Only the non-secret parts of the auth user. */
export function accountRecord(user: User): AccountExport["account"] {
  return {
    id: user.id,
    full_name: fullNameOf(user.user_metadata),
    email: user.email ?? null,
    new_email_pending: user.new_email ?? null,
    created_at: user.created_at,
    email_confirmed_at: user.email_confirmed_at ?? null,
    last_sign_in_at: user.last_sign_in_at ?? null,
    role: typeof user.app_metadata?.role === "string" ? user.app_metadata.role : null,
    user_metadata: user.user_metadata ?? {},
  };
}

export async function buildAccountExport(supabase: ServerSupabase, user: User): Promise<AccountExport> {
  const [profile, completion, history] = await Promise.all([
    getProfile(supabase, user.id),
    getProfileCompletionStatus(supabase, user.id),
    supabase
      .from("user_profile_history")
      .select("field,old_value,new_value,changed_by,changed_at")
      .eq("user_id", user.id)
      .order("changed_at", { ascending: true })
      .order("id", { ascending: true }),
  ]);
  if (history.error) throw new AccountExportError(`history: ${history.error.message}`);
  const rows = (history.data ?? []) as {
    field: string;
    old_value: unknown;
    new_value: unknown;
    changed_by: string | null;
    changed_at: string;
  }[];
  return {
    format: "autoprofile-account-export",
    version: 1,
    exported_at: new Date().toISOString(),
    account: accountRecord(user),
    profile,
    completion,
    history: rows.map((row) => ({
      field: row.field,
      old_value: row.old_value,
      new_value: row.new_value,
      changed_by_me: row.changed_by === user.id,
      changed_at: row.changed_at,
    })),
  };
}

/** "autoprofile-data-2026-11-25.json" */
export function exportFileName(now = new Date()): string {
  return `autoprofile-data-${now.toISOString().slice(0, 10)}.json`;
}
