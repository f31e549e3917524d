/**
 * The per-account limit on failed password sign-ins (across all IPs): 10 failures within 15 minutes
 * lock the address for 15 minutes. The policy and the counters live in Postgres
 * (`private.sign_in_failures`, functions `sign_in_lock_seconds` / `record_sign_in_failure` /
 * `clear_sign_in_failures`), so every server instance sees the same counts. Unknown addresses are
 * counted like existing ones: callers use this before they know which an address is.
 */
import { createAdminClient } from "@/lib/supabase/admin";

/** What a person reads when the address is locked; says nothing about whether it has an account. */
export function accountLockedMessage(seconds: number): string {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  return `Too many failed sign-ins for this email address. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}, or reset your password.`;
}

async function call(fn: "sign_in_lock_seconds" | "record_sign_in_failure", email: string): Promise<number> {
  const { data, error } = await createAdminClient().rpc(fn, { p_email: email });
  if (error) throw new Error(`${fn}: ${error.code ?? ""} ${error.message}`);
  return typeof data === "number" ? data : 0;
}

/** Seconds until the address may try again; 0 when it may try now. */
export function accountLockSeconds(email: string): Promise<number> {
  return call("sign_in_lock_seconds", email);
}

/** Counts a failed sign-in; returns the seconds of the lock it starts, 0 when none. */
export function recordFailedSignIn(email: string): Promise<number> {
  return call("record_sign_in_failure", email);
}

export async function clearFailedSignIns(email: string): Promise<void> {
  const { error } = await createAdminClient().rpc("clear_sign_in_failures", { p_email: email });
  if (error) throw new Error(`clear_sign_in_failures: ${error.code ?? ""} ${error.message}`);
}
