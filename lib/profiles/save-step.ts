/**
 * The one write path for profile answers: `public.save_profile_step` writes a wizard step's columns
 * and records which completion fields they answer (or, with `null` values, skips the step) in one
 * statement, and answers with the new row and its completion — one round trip. The database acts
 * on the signed-in caller's row only, and only on that step's columns.
 */
import type { AppSupabase } from "@/lib/supabase/types";
import type { Logger } from "@/lib/logger";
import { failure, ok, type Result } from "@/lib/result";
import { fieldErrorsForConstraint } from "./constraint-errors";
import type { EditableColumn } from "./fields";
import { backendFailure, invalid, notFound } from "./result";
import { profileWithCompletionSchema, splitCompletion, type ProfileWithCompletion } from "./row";

export type ColumnValues = Partial<Record<EditableColumn, string | number | string[] | null>>;

export type SavedProfile = ProfileWithCompletion;

/** Saves `values` as the answers of `step` (a slug from private.wizard_steps()); `null` skips it. */
export async function saveStep(
  supabase: AppSupabase,
  log: Logger,
  userId: string,
  step: string,
  values: ColumnValues | null,
): Promise<Result<SavedProfile>> {
  const { data, error } = await supabase.rpc("save_profile_step", {
    p_step: step,
    // The generated type says Json; a skip is SQL null, which the RPC's jsonb parameter accepts.
    p_values: values as never,
    p_user_id: userId,
  });
  if (error) {
    if (error.code === "P0002") return notFound(log, userId, "save_profile_step found no row");
    if (error.code === "42501") {
      log.warn("Profile write refused", { userId, step, code: error.code });
      return failure("You can only change your own profile.", undefined, undefined, "refused");
    }
    const fieldErrors = fieldErrorsForConstraint(error);
    if (fieldErrors) return invalid(log, userId, fieldErrors);
    return backendFailure(log, userId, "We could not save your answers", error, { step });
  }
  const parsed = profileWithCompletionSchema.safeParse(data);
  if (!parsed.success) return backendFailure(log, userId, "We could not read your saved answers", parsed.error);
  const saved = splitCompletion(parsed.data);
  log.info(values === null ? "Step skipped" : "Step saved", {
    userId,
    step,
    columns: values ? Object.keys(values) : [],
    completion: saved.completionPercentage,
  });
  return ok(saved);
}
