/**
 * The import/export file format: one row per person. `email` is required; `password` is optional
 * (without one the account gets a random password and the person uses "Forgot password"); the
 * profile columns are lib/profiles' EDITABLE_COLUMNS. Columns that profiles:export writes but that
 * belong to the database are accepted and ignored, so an export can be imported elsewhere.
 * In CSV, list cells (skills, locations) separate items with ";".
 */
import { EDITABLE_COLUMNS } from "@/lib/profiles";

export const LIST_SEPARATOR = ";";
export const LIST_COLUMNS = new Set<string>(["skills_technologies", "preferred_locations"]);

export const IDENTITY_COLUMNS = ["email", "password"] as const;
/** Written by profiles:export, ignored by profiles:import (the database derives or assigns them). */
export const EXPORT_ONLY_COLUMNS = [
  "user_id",
  "profile_id",
  "profile_completed",
  "completed_at",
  "created_at",
  "updated_at",
  "signed_up_at",
] as const;
/** Optional: which completion fields were answered; when present, other fields are not imported. */
export const ANSWERED_COLUMN = "answered_fields";

export const KNOWN_COLUMNS = new Set<string>([
  ...IDENTITY_COLUMNS,
  ...EDITABLE_COLUMNS,
  ...EXPORT_ONLY_COLUMNS,
  ANSWERED_COLUMN,
]);

export interface HeaderProblem {
  unknown: string[];
  duplicate: string[];
  missingEmail: boolean;
}

/** Null when the header is usable. */
export function checkHeader(columns: readonly string[]): HeaderProblem | null {
  const unknown = columns.filter((column) => !KNOWN_COLUMNS.has(column));
  const duplicate = columns.filter((column, index) => columns.indexOf(column) !== index);
  const missingEmail = !columns.includes("email");
  return unknown.length || duplicate.length || missingEmail ? { unknown, duplicate, missingEmail } : null;
}

export function describeHeaderProblem(problem: HeaderProblem): string {
  const parts: string[] = [];
  if (problem.missingEmail) parts.push('the required column "email" is missing');
  if (problem.unknown.length) parts.push(`unknown column(s): ${problem.unknown.join(", ")}`);
  if (problem.duplicate.length) parts.push(`repeated column(s): ${[...new Set(problem.duplicate)].join(", ")}`);
  return `${parts.join("; ")}. Allowed columns: ${[...IDENTITY_COLUMNS, ...EDITABLE_COLUMNS, ANSWERED_COLUMN].join(", ")}`;
}
