/**
 * updateProfile — a validated update of any editable columns (`{ years_of_experience: 5, … }`), for
 * scripts and server code. Every column written counts as answered (an explicit value is an
 * answer, unlike a column default). The columns are grouped by the wizard step that asks for them
 * and each group is written by save_profile_step, so this is the wizard's own write path.
 */
import { createLogger } from "@/lib/logger";
import { FORM_STEPS } from "@/lib/onboarding/steps";
import { flattenIssues, type Result } from "@/lib/result";
import type { AppSupabase } from "@/lib/supabase/types";
import { columnsOf } from "./fields";
import { invalid } from "./result";
import { saveStep, type ColumnValues, type SavedProfile } from "./save-step";
import { profileUpdateSchema, type ProfileUpdateInput } from "./schema";

const log = createLogger("lib.profiles.update");

export async function updateProfile(
  supabase: AppSupabase,
  userId: string,
  updates: ProfileUpdateInput | Record<string, unknown>,
): Promise<Result<SavedProfile>> {
  log.info(`Updating profile for user: ${userId}`, { columns: Object.keys(updates) });
  const parsed = profileUpdateSchema.safeParse(updates);
  if (!parsed.success) return invalid(log, userId, flattenIssues(parsed.error.issues).fieldErrors);

  const groups: [string, ColumnValues][] = [];
  for (const step of FORM_STEPS) {
    const values: ColumnValues = {};
    for (const column of step.fields.flatMap(columnsOf)) {
      const value = parsed.data[column];
      if (value !== undefined) values[column] = value;
    }
    if (Object.keys(values).length > 0) groups.push([step.slug, values]);
  }
  const [first, ...rest] = groups;
  if (!first) return invalid(log, userId, {}, "Nothing to update.");
  let result = await saveStep(supabase, log, userId, ...first);
  for (const group of rest) {
    if (!result.ok) break;
    result = await saveStep(supabase, log, userId, ...group);
  }
  return result;
}

/** "Skip for now" on an optional step: see save_profile_step (fields answered before are kept). */
export async function skipStep(supabase: AppSupabase, userId: string, step: string): Promise<Result<SavedProfile>> {
  return saveStep(supabase, log, userId, step, null);
}
