/**
 * The person's change history as saves: the audit trail writes one row per changed column, all rows of
 * one UPDATE sharing `changed_at` (the transaction's now()) and `changed_by`, so grouping on those two
 * gives one entry per save. `answered_fields` rows are kept: they tell an answer from a column default
 * (a value nobody gave). Newest first; a save cut in half by the row limit is dropped.
 */
import type { SupabaseClient } from "@supabase/supabase-js";
import { z } from "zod";
import { createLogger } from "@/lib/logger";
import { newReferenceId } from "@/lib/reference";
import { EDITABLE_COLUMNS, type EditableColumn } from "./fields";
import { ProfileReadError } from "./queries";

const log = createLogger("lib.profiles.history");

export type TrailColumn = EditableColumn | "answered_fields";
const TRAIL_COLUMNS: readonly TrailColumn[] = [...EDITABLE_COLUMNS, "answered_fields"];

export interface TrailRow {
  column: TrailColumn;
  oldValue: unknown;
  newValue: unknown;
}

export interface ProfileSave {
  changedAt: string;
  /** False when an administrator or a script made the change. */
  bySelf: boolean;
  rows: TrailRow[];
}

const rowSchema = z.object({
  field: z.string(),
  old_value: z.unknown(),
  new_value: z.unknown(),
  changed_by: z.string().nullable(),
  changed_at: z.string(),
});

const isTrailColumn = (field: string): field is TrailColumn => (TRAIL_COLUMNS as readonly string[]).includes(field);

export async function getProfileSaves(supabase: SupabaseClient, userId: string, limit = 300): Promise<ProfileSave[]> {
  const { data, error } = await supabase
    .from("user_profile_history")
    .select("field,old_value,new_value,changed_by,changed_at")
    .eq("user_id", userId)
    .in("field", [...TRAIL_COLUMNS])
    .order("changed_at", { ascending: false })
    .order("id", { ascending: false })
    .limit(limit);
  if (error) {
    const referenceId = newReferenceId();
    log.error("Could not load the profile history", { userId, referenceId, cause: error.message });
    throw new ProfileReadError(referenceId);
  }
  const rows = z.array(rowSchema).parse(data ?? []);
  const saves: ProfileSave[] = [];
  for (const row of rows) {
    if (!isTrailColumn(row.field)) continue;
    let save = saves.at(-1);
    if (!save || save.changedAt !== row.changed_at || save.bySelf !== (row.changed_by === userId)) {
      save = { changedAt: row.changed_at, bySelf: row.changed_by === userId, rows: [] };
      saves.push(save);
    }
    save.rows.push({ column: row.field, oldValue: row.old_value, newValue: row.new_value });
  }
  // With a full page of rows the oldest save may continue beyond the limit: show only whole saves.
  if (rows.length === limit) saves.pop();
  return saves;
}
