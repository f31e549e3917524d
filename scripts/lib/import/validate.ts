/**
 * One import record → what to create, or why not. Profile answers go through lib/profiles'
 * profileUpdateSchema (the same rules as the wizard and updateProfile); the email through zod's
 * email check. Empty cells are "not answered", so only non-empty values become answers.
 */
import { z } from "zod";
import {
  completionFieldOf,
  EDITABLE_COLUMNS,
  profileUpdateSchema,
  type EditableColumn,
  type ProfileUpdate,
} from "@/lib/profiles";
import { ANSWERED_COLUMN } from "./columns";
import type { ImportRecord } from "./read-file";

export interface ValidRecord {
  ok: true;
  row: number;
  email: string;
  password: string | undefined;
  answers: ProfileUpdate;
}

export interface RejectedRecord {
  ok: false;
  row: number;
  email: string | null;
  reasons: string[];
}

const emailSchema = z.email({ error: "not a valid email address" });

function isBlank(value: unknown): boolean {
  return (
    value === undefined ||
    value === null ||
    (typeof value === "string" && value.trim() === "") ||
    (Array.isArray(value) && value.length === 0)
  );
}

function show(value: unknown): string {
  const text = Array.isArray(value) ? value.join("; ") : String(value);
  return text.length > 40 ? `${text.slice(0, 37)}…` : text;
}

export function validateRecord(record: ImportRecord): ValidRecord | RejectedRecord {
  const { row, values } = record;
  const rawEmail = typeof values.email === "string" ? values.email.trim().toLowerCase() : "";
  if (typeof values.__cellCount === "string")
    return { ok: false, row, email: rawEmail || null, reasons: [`row ${values.__cellCount}`] };
  const reasons: string[] = [];
  const email = emailSchema.safeParse(rawEmail);
  if (!email.success)
    reasons.push(rawEmail ? `email "${show(values.email)}": not a valid email address` : "email: required");
  const password = values.password;
  if (!isBlank(password) && typeof password !== "string") reasons.push("password: must be text");

  const answered = Array.isArray(values[ANSWERED_COLUMN])
    ? new Set((values[ANSWERED_COLUMN] as unknown[]).map(String))
    : null;
  const input: Partial<Record<EditableColumn, unknown>> = {};
  for (const column of EDITABLE_COLUMNS) {
    const value = values[column];
    if (isBlank(value)) continue;
    // An export says which fields were answered; defaults it carries for the others stay defaults.
    if (answered && !answered.has(completionFieldOf(column))) continue;
    input[column] = value;
  }
  const parsed = profileUpdateSchema.safeParse(input);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const column = String(issue.path[0] ?? "row");
      reasons.push(
        column in input
          ? `${column} "${show(input[column as EditableColumn])}": ${issue.message}`
          : `${column}: ${issue.message}`,
      );
    }
  }
  if (reasons.length > 0 || !parsed.success) return { ok: false, row, email: rawEmail || null, reasons };
  return {
    ok: true,
    row,
    email: email.data!,
    password: isBlank(password) ? undefined : (password as string),
    answers: parsed.data,
  };
}

/** Marks every repeat of an email (case-insensitive) after its first row as rejected. */
export function rejectDuplicates(records: (ValidRecord | RejectedRecord)[]): (ValidRecord | RejectedRecord)[] {
  const firstRow = new Map<string, number>();
  return records.map((record) => {
    if (!record.email) return record;
    const first = firstRow.get(record.email);
    if (first === undefined) {
      firstRow.set(record.email, record.row);
      return record;
    }
    const reason = `duplicate email: same address as row ${first}`;
    return record.ok
      ? { ok: false, row: record.row, email: record.email, reasons: [reason] }
      : { ...record, reasons: [...record.reasons, reason] };
  });
}
