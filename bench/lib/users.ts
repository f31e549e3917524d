/**
 * Bench users: unique addresses per run (so runs never collide and cleanup can find them), confirmed
 * users created through the Admin API (works whether or not the stack requires email confirmation),
 * sessions through the unmodified supabase-js, and removal of everything a run created.
 */
import { createClient, type Session, type SupabaseClient } from "@supabase/supabase-js";
import pg from "pg";
import type { Stack } from "./stack";

export const PASSWORD = "bench-Password-123";

/** One per run: every address of the run starts with `bench-<runId>-`. */
export const RUN_ID = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4).toString(36)}`;

export function emailFor(kind: string, index: number): string {
  return `bench-${RUN_ID}-${kind}-${index}@example.com`;
}

const clientOptions = { auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false } };

/** A fresh anon client (no shared session state between callers). */
export function anonClient(stack: Stack): SupabaseClient {
  return createClient(stack.apiUrl, stack.anonKey, clientOptions);
}

function adminClient(stack: Stack): SupabaseClient {
  return createClient(stack.apiUrl, stack.serviceRoleKey, clientOptions);
}

/** Creates a confirmed user and returns its id. */
export async function createConfirmedUser(stack: Stack, email: string): Promise<string> {
  const { data, error } = await adminClient(stack).auth.admin.createUser({
    email,
    password: PASSWORD,
    email_confirm: true,
  });
  if (error || !data.user) throw new Error(`admin createUser ${email}: ${error?.message ?? "no user"}`);
  return data.user.id;
}

export async function signIn(stack: Stack, email: string): Promise<Session> {
  const { data, error } = await anonClient(stack).auth.signInWithPassword({ email, password: PASSWORD });
  if (error || !data.session) throw new Error(`sign in ${email}: ${error?.message ?? "no session"}`);
  return data.session;
}

/** A confirmed, signed-in user: its id and session. */
export async function signedInUser(stack: Stack, kind: string, index: number): Promise<Session> {
  const email = emailFor(kind, index);
  await createConfirmedUser(stack, email);
  return signIn(stack, email);
}

/** Deletes every user this run created (profiles go with them: on delete cascade). */
export async function deleteRunUsers(stack: Stack): Promise<number> {
  const client = new pg.Client({ connectionString: stack.dbUrl });
  await client.connect();
  try {
    const result = await client.query("delete from auth.users where email like $1", [`bench-${RUN_ID}-%`]);
    return result.rowCount ?? 0;
  } finally {
    await client.end();
  }
}
