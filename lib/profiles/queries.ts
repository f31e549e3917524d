/**
 * Reads (safe to call from Server Components): the profile, its completion status from the
 * database's single definition, and the person's own change history. Not found → null; a backend
 * failure throws ProfileReadError, whose message carries only a reference id (the cause is logged).
 */
import { z } from "zod";
import { createLogger } from "@/lib/logger";
import type { AppSupabase } from "@/lib/supabase/types";
import { newReferenceId } from "@/lib/reference";
import { COMPLETION_FIELDS, EDITABLE_COLUMNS, type CompletionField, type EditableColumn } from "./fields";
import {
  parseProfileRow,
  PROFILE_COLUMNS,
  profileWithCompletionSchema,
  splitCompletion,
  type Profile,
  type ProfileWithCompletion,
} from "./row";
import type { BackendError } from "./result";

const log = createLogger("lib.profiles.queries");

export class ProfileReadError extends Error {
  override name = "ProfileReadError";
  constructor(readonly referenceId: string) {
    super(`Could not load the profile (reference ${referenceId})`);
  }
}

function readFailure(what: string, userId: string, error: BackendError | Error): ProfileReadError {
  const referenceId = newReferenceId();
  log.error(`Could not load ${what}`, { userId, referenceId, cause: error.message });
  return new ProfileReadError(referenceId);
}

export async function getProfile(supabase: AppSupabase, userId: string): Promise<Profile | null> {
  const { data, error } = await supabase
    .from("user_profiles")
    .select(PROFILE_COLUMNS)
    .eq("user_id", userId)
    .maybeSingle();
  if (error) throw readFailure("the profile", userId, error);
  if (!data) {
    log.debug("No profile visible", { userId });
    return null;
  }
  return parseProfileRow(data);
}

export interface CompletionStatus {
  isComplete: boolean;
  completionPercentage: number;
  missingFields: CompletionField[];
}

const completionSchema = z.object({
  completion_percentage: z.number().int().min(0).max(100),
  missing_fields: z.array(z.enum(COMPLETION_FIELDS)),
  is_complete: z.boolean(),
});

/** `public.get_profile_completion` — the same rule the admin analytics and the row trigger use. */
export async function getProfileCompletionStatus(
  supabase: AppSupabase,
  userId: string,
): Promise<CompletionStatus | null> {
  const { data, error } = await supabase.rpc("get_profile_completion", { p_user_id: userId });
  if (error) throw readFailure("the completion status", userId, error);
  if (data === null || data === undefined) return null;
  const parsed = completionSchema.safeParse(data);
  if (!parsed.success) throw readFailure("the completion status", userId, parsed.error);
  return {
    isComplete: parsed.data.is_complete,
    completionPercentage: parsed.data.completion_percentage,
    missingFields: parsed.data.missing_fields,
  };
}

/**
 * The profile and its completion in one round trip (`public.get_profile_with_completion`): what a
 * page showing both needs. Null when no profile is visible for that user.
 */
export async function getProfileWithCompletion(
  supabase: AppSupabase,
  userId: string,
): Promise<ProfileWithCompletion | null> {
  const { data, error } = await supabase.rpc("get_profile_with_completion", { p_user_id: userId });
  if (error) throw readFailure("the profile", userId, error);
  if (data === null || data === undefined) {
    log.debug("No profile visible", { userId });
    return null;
  }
  const parsed = profileWithCompletionSchema.safeParse(data);
  if (!parsed.success) throw readFailure("the profile", userId, parsed.error);
  return splitCompletion(parsed.data);
}

export interface HistoryEntry {
  id: number;
  field: EditableColumn;
  oldValue: unknown;
  newValue: unknown;
  changedAt: string;
  /** True when the person changed it themselves (false: an administrator or a script). */
  bySelf: boolean;
}

const historyRowSchema = z.object({
  id: z.number(),
  field: z.string(),
  old_value: z.unknown(),
  new_value: z.unknown(),
  changed_by: z.string().nullable(),
  changed_at: z.string(),
});

const EDITABLE: ReadonlySet<string> = new Set(EDITABLE_COLUMNS);

function isEditable(field: string): field is EditableColumn {
  return EDITABLE.has(field);
}

/**
 * The person's answers as they changed, newest first. Bookkeeping columns (answered_fields,
 * profile_completed, completed_at) are left out: they follow from the answers.
 */
export async function getProfileHistory(supabase: AppSupabase, userId: string, limit = 30): Promise<HistoryEntry[]> {
  const { data, error } = await supabase
    .from("user_profile_history")
    .select("id,field,old_value,new_value,changed_by,changed_at")
    .eq("user_id", userId)
    .in("field", [...EDITABLE_COLUMNS])
    .order("changed_at", { ascending: false })
    .order("id", { ascending: false })
    .limit(limit);
  if (error) throw readFailure("the profile history", userId, error);
  const rows = z.array(historyRowSchema).parse(data ?? []);
  return rows.flatMap((row) =>
    isEditable(row.field)
      ? [
          {
            id: row.id,
            field: row.field,
            oldValue: row.old_value,
            newValue: row.new_value,
            changedAt: row.changed_at,
            bySelf: row.changed_by === userId,
          },
        ]
      : [],
  );
}
