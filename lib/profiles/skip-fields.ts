/**
 * "Skip for now" on an optional wizard step. The completion rule counts a field only when it is
 * answered AND has a value (docs/database.md), so a skip records the step's fields as answered-empty:
 * the step is done for resuming, and the fields stay missing in the percentage. Fields the person
 * answered before are left exactly as they are — skipping never erases an earlier answer.
 */
import type { SupabaseClient } from "@supabase/supabase-js";
import { createLogger } from "@/lib/logger";
import { columnsOf, REQUIRED_FIELDS, type CompletionField } from "./fields";
import { backendFailure, type ProfileResult } from "./result";
import { writeProfile, type ColumnValues } from "./write-profile";

const log = createLogger("lib.profiles.skip");

export async function skipFields(
  supabase: SupabaseClient,
  userId: string,
  fields: readonly CompletionField[],
): Promise<ProfileResult> {
  if (fields.some((field) => REQUIRED_FIELDS.includes(field))) {
    log.error("Refusing to skip a required field", { userId, fields });
    return { success: false, message: "This step cannot be skipped.", userId };
  }
  const { data, error } = await supabase
    .from("user_profiles")
    .select("answered_fields")
    .eq("user_id", userId)
    .maybeSingle<{ answered_fields: string[] | null }>();
  if (error) return backendFailure(log, userId, "Could not load the profile", error);
  const answered = data?.answered_fields ?? [];

  const fresh = fields.filter((field) => !answered.includes(field));
  const values: ColumnValues = {};
  for (const field of fresh) {
    // The currency keeps its default: with no amounts it is not an answer on its own.
    for (const column of columnsOf(field)) if (column !== "salary_currency") values[column] = null;
  }
  log.info("Skipping fields", { userId, fields, cleared: fresh });
  return writeProfile(supabase, log, userId, values, fresh);
}
