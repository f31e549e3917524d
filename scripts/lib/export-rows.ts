/**
 * profiles:export's rows: every profile joined with its account's email, in the import format
 * (lib/import/columns.ts) plus the database-owned columns, as CSV or JSON.
 */
import type { SupabaseClient } from "@supabase/supabase-js";
import { EDITABLE_COLUMNS } from "@/lib/profiles";
import { formatCsv } from "./import/csv";
import { LIST_COLUMNS, LIST_SEPARATOR } from "./import/columns";
import { listAllUsers, selectAll } from "./users";

export const EXPORT_COLUMNS = [
  "email",
  "user_id",
  "profile_id",
  "signed_up_at",
  ...EDITABLE_COLUMNS,
  "answered_fields",
  "profile_completed",
  "completed_at",
  "created_at",
  "updated_at",
] as const;

export type ExportRow = Record<(typeof EXPORT_COLUMNS)[number], unknown>;

export interface ExportData {
  rows: ExportRow[];
  /** Accounts without a profile (should be 0; see profiles:backfill). */
  orphans: number;
}

const PROFILE_SELECT = [
  "user_id",
  "profile_id",
  ...EDITABLE_COLUMNS,
  "answered_fields",
  "profile_completed",
  "completed_at",
  "created_at",
  "updated_at",
].join(",");

export async function loadExport(admin: SupabaseClient): Promise<ExportData> {
  const [users, profiles] = await Promise.all([
    listAllUsers(admin),
    selectAll<Record<string, unknown>>(admin, "user_profiles", PROFILE_SELECT, "created_at"),
  ]);
  const byId = new Map(users.map((user) => [user.id, user]));
  const rows = profiles.map((profile) => {
    const user = byId.get(String(profile.user_id));
    const row = { email: user?.email ?? null, signed_up_at: user?.created_at ?? null } as ExportRow;
    for (const column of EXPORT_COLUMNS) if (column in profile) row[column] = profile[column];
    return row;
  });
  rows.sort((a, b) => String(a.email).localeCompare(String(b.email)));
  return { rows, orphans: users.filter((user) => !profiles.some((profile) => profile.user_id === user.id)).length };
}

function cell(column: string, value: unknown): string {
  if (value === null || value === undefined) return "";
  if (Array.isArray(value))
    return value.join(LIST_COLUMNS.has(column) || column === "answered_fields" ? LIST_SEPARATOR : ",");
  return String(value);
}

export function toCsv(rows: ExportRow[]): string {
  return formatCsv([
    [...EXPORT_COLUMNS],
    ...rows.map((row) => EXPORT_COLUMNS.map((column) => cell(column, row[column]))),
  ]);
}

export function toJson(rows: ExportRow[]): string {
  return `${JSON.stringify(rows, null, 2)}\n`;
}
