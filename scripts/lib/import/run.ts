/**
 * Creates the accounts of an import: each valid, new record becomes an auth user (admin API,
 * confirmed) whose trigger-made profile then receives the answers in one UPDATE. Never
 * half-created: invalid records were rejected before any account existed, and if the answers
 * cannot be saved the account is deleted again. Existing addresses are skipped, so a re-run only
 * does what is left.
 */
import { randomBytes } from "node:crypto";
import type { SupabaseClient } from "@supabase/supabase-js";
import bcrypt from "bcrypt";
import {
  COMPLETION_FIELDS,
  completionFieldOf,
  createProfileAutomatically,
  type EditableColumn,
  type ProfileUpdate,
} from "@/lib/profiles";
import { fieldErrorsForConstraint } from "@/lib/profiles/constraint-errors";
import { mapConcurrent } from "../pool";
import { listAllUsers } from "../users";
import type { RejectedRecord, ValidRecord } from "./validate";

export interface ImportOutcome {
  created: { row: number; email: string; userId: string }[];
  skipped: { row: number; email: string }[];
  rejected: { row: number; email: string | null; reasons: string[] }[];
  dryRun: boolean;
}

export interface ImportOptions {
  dryRun: boolean;
  concurrency: number;
  onProgress?: (done: number, total: number) => void;
}

type Result = { kind: "created"; userId: string } | { kind: "skipped" } | { kind: "rejected"; reasons: string[] };

/**
 * One UPDATE with the answers (already parsed by profileUpdateSchema) and the fields they answer —
 * what updateProfile does, minus its read of answered_fields, which is empty on a profile the
 * trigger has just created. Constraint errors are mapped to field messages by lib/profiles.
 */
async function writeAnswers(admin: SupabaseClient, userId: string, answers: ProfileUpdate): Promise<string | null> {
  const columns = Object.keys(answers) as EditableColumn[];
  const answered = COMPLETION_FIELDS.filter((field) => columns.some((column) => completionFieldOf(column) === field));
  const { data, error } = await admin
    .from("user_profiles")
    .update({ ...answers, answered_fields: answered })
    .eq("user_id", userId)
    .select("profile_id");
  if (error) {
    const fields = fieldErrorsForConstraint(error);
    return fields
      ? Object.entries(fields)
          .map(([key, message]) => `${key}: ${message}`)
          .join("; ")
      : `${error.code ?? ""} ${error.message}`;
  }
  return data.length === 1 ? null : "no profile row";
}

async function saveAnswers(admin: SupabaseClient, userId: string, answers: ProfileUpdate): Promise<string | null> {
  const first = await writeAnswers(admin, userId, answers);
  if (first !== "no profile row") return first;
  // The signup trigger did not run (for example it is missing on this database): ensure, then retry.
  const ensured = await createProfileAutomatically(admin, userId);
  return ensured.ok ? writeAnswers(admin, userId, answers) : (ensured.details ?? ensured.message ?? ensured.kind);
}

/**
 * A row without a password gets a bcrypt hash of a fresh random secret that is never kept: nobody
 * knows the password, the person sets one with "Forgot password". Cost 4 is enough for a 256-bit
 * secret (the cost factor only slows guessing, and this secret cannot be guessed) and spares the Auth
 * server a cost-10 hash per row, which dominates a 10,000-row import otherwise.
 */
async function unusablePasswordHash(): Promise<string> {
  return bcrypt.hash(randomBytes(32).toString("base64url"), await bcrypt.genSalt(4, "a"));
}

async function createOne(admin: SupabaseClient, record: ValidRecord): Promise<Result> {
  const { data, error } = await admin.auth.admin.createUser({
    email: record.email,
    ...(record.password ? { password: record.password } : { password_hash: await unusablePasswordHash() }),
    email_confirm: true,
  });
  if (error?.code === "email_exists") return { kind: "skipped" };
  if (error || !data.user)
    return { kind: "rejected", reasons: [`account not created: ${error?.message ?? "no user returned"}`] };
  const userId = data.user.id;
  if (Object.keys(record.answers).length === 0) return { kind: "created", userId };
  const problem = await saveAnswers(admin, userId, record.answers);
  if (problem === null) return { kind: "created", userId };
  const removed = await admin.auth.admin.deleteUser(userId);
  const detail = problem;
  return {
    kind: "rejected",
    reasons: [
      `profile not saved (${detail}); ${removed.error ? `the account ${userId} could NOT be removed: ${removed.error.message}` : "the account was removed again"}`,
    ],
  };
}

export async function runImport(
  admin: SupabaseClient,
  records: (ValidRecord | RejectedRecord)[],
  options: ImportOptions,
): Promise<ImportOutcome> {
  const existing = new Set((await listAllUsers(admin)).map((user) => user.email?.toLowerCase()));
  const outcome: ImportOutcome = { created: [], skipped: [], rejected: [], dryRun: options.dryRun };
  const results = await mapConcurrent(
    records,
    options.concurrency,
    async (record): Promise<Result> => {
      if (!record.ok) return { kind: "rejected", reasons: record.reasons };
      if (existing.has(record.email)) return { kind: "skipped" };
      if (options.dryRun) return { kind: "created", userId: "" };
      return createOne(admin, record);
    },
    options.onProgress,
  );
  results.forEach((result, index) => {
    const record = records[index]!;
    if (result.kind === "created")
      outcome.created.push({ row: record.row, email: record.email!, userId: result.userId });
    else if (result.kind === "skipped") outcome.skipped.push({ row: record.row, email: record.email! });
    else outcome.rejected.push({ row: record.row, email: record.email, reasons: result.reasons });
  });
  return outcome;
}
