/**
 * Creates the accounts of an import: each valid, new record becomes an auth user (admin API,
 * confirmed) whose trigger-made profile then receives the answers through updateProfile. Never
 * half-created: invalid records were rejected before any account existed, and if the answers
 * cannot be saved the account is deleted again. Existing addresses are skipped, so a re-run only
 * does what is left.
 */
import type { SupabaseClient } from "@supabase/supabase-js";
import { createProfileAutomatically, updateProfile, type ProfileResult } from "@/lib/profiles";
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

async function saveAnswers(admin: SupabaseClient, userId: string, record: ValidRecord): Promise<ProfileResult> {
  const first = await updateProfile(admin, userId, record.answers);
  if (first.success || first.message !== "Profile not found") return first;
  // The signup trigger did not run (for example it is missing on this database): ensure, then retry.
  const ensured = await createProfileAutomatically(admin, userId);
  return ensured.success ? updateProfile(admin, userId, record.answers) : ensured;
}

async function createOne(admin: SupabaseClient, record: ValidRecord): Promise<Result> {
  const { data, error } = await admin.auth.admin.createUser({
    email: record.email,
    ...(record.password ? { password: record.password } : {}),
    email_confirm: true,
  });
  if (error?.code === "email_exists") return { kind: "skipped" };
  if (error || !data.user)
    return { kind: "rejected", reasons: [`account not created: ${error?.message ?? "no user returned"}`] };
  const userId = data.user.id;
  if (Object.keys(record.answers).length === 0) return { kind: "created", userId };
  const saved = await saveAnswers(admin, userId, record);
  if (saved.success) return { kind: "created", userId };
  const removed = await admin.auth.admin.deleteUser(userId);
  const detail = saved.fieldErrors
    ? Object.entries(saved.fieldErrors)
        .map(([key, message]) => `${key}: ${message}`)
        .join("; ")
    : (saved.errorDetails ?? saved.message);
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
