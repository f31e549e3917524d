/**
 * updateProfile — the seed's validated update. `updates` uses the seed's column names; every
 * column written counts as answered (an explicit value is an answer, unlike a column default), so
 * the seed's example makes a profile complete. Pass `{ markAnswered: false }` to write silently.
 */
import type { SupabaseClient } from "@supabase/supabase-js";
import { createLogger } from "@/lib/logger";
import { fieldErrorsFromIssues } from "./issues";
import { completionFieldOf, EDITABLE_COLUMNS, type CompletionField } from "./fields";
import { invalid, type ProfileResult } from "./result";
import { profileUpdateSchema, type ProfileUpdateInput } from "./schema";
import { writeProfile, type ColumnValues } from "./write-profile";

const log = createLogger("lib.profiles.update");

export interface UpdateOptions {
  markAnswered?: boolean;
}

export async function updateProfile(
  supabase: SupabaseClient,
  userId: string,
  updates: ProfileUpdateInput | Record<string, unknown>,
  options: UpdateOptions = {},
): Promise<ProfileResult> {
  log.info(`Updating profile for user: ${userId}`, { columns: Object.keys(updates) });
  const parsed = profileUpdateSchema.safeParse(updates);
  if (!parsed.success) return invalid(log, userId, fieldErrorsFromIssues(parsed.error.issues));

  const values: ColumnValues = {};
  const answered: CompletionField[] = [];
  for (const column of EDITABLE_COLUMNS) {
    const value = parsed.data[column];
    if (value === undefined) continue;
    values[column] = value;
    const field = completionFieldOf(column);
    if (options.markAnswered !== false && !answered.includes(field)) answered.push(field);
  }
  if (Object.keys(values).length === 0) {
    return invalid(log, userId, {}, "Nothing to update.");
  }
  return writeProfile(supabase, log, userId, values, answered);
}
