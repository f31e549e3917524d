/**
 * Turns saves from the audit trail into what the person changed, formatted as the profile shows it.
 * Walking back from the current profile, each save's old values give the profile as it was before
 * that save; a field is listed only when what a person would read changed: a column default that
 * was never answered is not an earlier answer ("0 → 10" becomes "10"), empty → empty is nothing,
 * and salary_min/max/currency read as one "Salary range".
 */
import { COMPLETION_FIELDS, columnsOf, type CompletionField } from "@/lib/profiles/fields";
import type { ProfileSave } from "@/lib/profiles/history";
import type { Profile } from "@/lib/profiles/row";
import { formatField } from "./format";

export interface FieldChange {
  field: CompletionField;
  /** The earlier answer as shown on the profile; null when there was none. */
  from: string | null;
  /** The new answer; null when the field was skipped or emptied. */
  to: string | null;
}

export interface SaveSummary {
  changedAt: string;
  bySelf: boolean;
  changes: FieldChange[];
}

const LIST_COLUMNS = new Set(["skills_technologies", "preferred_locations"]);

/** The profile as it was before `save`, given the profile after it. */
function before(after: Profile, save: ProfileSave): Profile {
  const earlier: Record<string, unknown> = { ...after };
  for (const row of save.rows) {
    const old = row.oldValue ?? null;
    earlier[row.column] = old === null && (LIST_COLUMNS.has(row.column) || row.column === "answered_fields") ? [] : old;
  }
  return earlier as Profile;
}

function changesBetween(earlier: Profile, later: Profile, save: ProfileSave): FieldChange[] {
  const touched = new Set<string>(save.rows.map((row) => row.column));
  return COMPLETION_FIELDS.flatMap((field): FieldChange[] => {
    const wasAnswered = earlier.answered_fields.includes(field);
    const isAnswered = later.answered_fields.includes(field);
    if (!columnsOf(field).some((column) => touched.has(column)) && wasAnswered === isAnswered) return [];
    // formatField is null for an unanswered field, so a default reads as "no answer" and a skip
    // (nothing → nothing) is not listed.
    const from = formatField(earlier, field);
    const to = formatField(later, field);
    return from === to ? [] : [{ field, from, to }];
  });
}

export function summarizeSaves(current: Profile, saves: ProfileSave[]): SaveSummary[] {
  const summaries: SaveSummary[] = [];
  let after = current;
  for (const save of saves) {
    const earlier = before(after, save);
    const changes = changesBetween(earlier, after, save);
    if (changes.length > 0) summaries.push({ changedAt: save.changedAt, bySelf: save.bySelf, changes });
    after = earlier;
  }
  return summaries;
}
