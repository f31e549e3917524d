/**
 * The one write path for profile answers: sets columns and records which completion fields the
 * person answered, in a single UPDATE (so completion and the audit trail see one change).
 *
 * answered_fields has no array-append over PostgREST, so the current list is read first and the
 * union written back; two tabs saving different steps at the same instant could drop one mark,
 * which only means that step is shown as unanswered again — no answer value is lost.
 */
import type { SupabaseClient } from "@supabase/supabase-js";
import type { Logger } from "@/lib/logger";
import { fieldErrorsForConstraint } from "./constraint-errors";
import { COMPLETION_FIELDS, type CompletionField, type EditableColumn } from "./fields";
import { backendFailure, invalid, ok, type ProfileResult } from "./result";

export type ColumnValues = Partial<Record<EditableColumn, string | number | string[] | null>>;

export async function writeProfile(
  supabase: SupabaseClient,
  log: Logger,
  userId: string,
  values: ColumnValues,
  answered: readonly CompletionField[],
): Promise<ProfileResult> {
  const current = await supabase
    .from("user_profiles")
    .select("profile_id,answered_fields")
    .eq("user_id", userId)
    .maybeSingle<{ profile_id: string; answered_fields: string[] | null }>();
  if (current.error) return backendFailure(log, userId, "Could not load the profile", current.error);
  if (!current.data) {
    log.error("Profile not found", { userId });
    return {
      success: false,
      message: "Profile not found",
      userId,
      errorDetails: "No profile row is visible for this user.",
    };
  }

  const already = current.data.answered_fields ?? [];
  const answeredFields = COMPLETION_FIELDS.filter((field) => already.includes(field) || answered.includes(field));
  const changes = { ...values, answered_fields: answeredFields };

  const updated = await supabase.from("user_profiles").update(changes).eq("user_id", userId).select("profile_id");
  if (updated.error) {
    const fieldErrors = fieldErrorsForConstraint(updated.error);
    if (fieldErrors) return invalid(log, userId, fieldErrors);
    return backendFailure(log, userId, "Could not save the profile", updated.error, { columns: Object.keys(values) });
  }
  if (!Array.isArray(updated.data) || updated.data.length === 0) {
    log.error("Profile not found", { userId });
    return { success: false, message: "Profile not found", userId, errorDetails: "The update matched no row." };
  }

  log.info("Profile updated", { userId, profileId: current.data.profile_id, columns: Object.keys(values), answered });
  log.debug("Profile values written", { userId, values });
  return ok(userId, "Profile updated", current.data.profile_id);
}
