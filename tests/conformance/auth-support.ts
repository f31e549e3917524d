/**
 * Helpers for the Auth conformance suites (tests/conformance/auth*.int.test.ts). Everything goes
 * through what a real project offers: the unmodified supabase-js client (SUPABASE_URL + keys), the
 * database (SUPABASE_DB_URL, for assertions only) and the Mailpit-compatible inbox (INBUCKET_URL).
 */
import { randomUUID } from "node:crypto";
import { createClient, type SupabaseClient, type SupportedStorage } from "@supabase/supabase-js";
import pg from "pg";
import { env } from "./test-env";

export { env };

/** An in-memory storage so a client can run the PKCE flow (it keeps the code verifier). */
export function memoryStorage(): SupportedStorage & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
  };
}

export function anonClient(opts: { url?: string; key?: string; pkce?: boolean } = {}): SupabaseClient {
  return createClient(opts.url ?? env.url, opts.key ?? env.anonKey, {
    auth: {
      persistSession: opts.pkce === true,
      autoRefreshToken: false,
      detectSessionInUrl: false,
      ...(opts.pkce ? { flowType: "pkce" as const, storage: memoryStorage() } : {}),
    },
  });
}

export function adminClient(opts: { url?: string; key?: string } = {}): SupabaseClient {
  return createClient(opts.url ?? env.url, opts.key ?? env.serviceRoleKey, {
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
  });
}

/** A fresh address per test, so suites never depend on each other's users. */
export function uniqueEmail(tag: string): string {
  return `auth-${tag}-${randomUUID().slice(0, 8)}@example.com`;
}

export const PASSWORD = "correct-horse-9";

export async function withDb<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: env.dbUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function userCount(email: string): Promise<number> {
  return withDb(async (db) => {
    const { rows } = await db.query<{ n: number }>(
      `select count(*)::int as n from auth.users where lower(email) = lower($1)`,
      [email],
    );
    return rows[0]?.n ?? 0;
  });
}

export interface InboxMessage {
  ID: string;
  Subject: string;
  Text: string;
  HTML: string;
}

/** Polls the inbox until `count` mails to `to` exist (mail is written before the API answers, so this is quick). */
export async function mailsTo(to: string, count = 1, baseUrl = env.inbucketUrl): Promise<InboxMessage[]> {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const res = await fetch(`${baseUrl}/api/v1/search?query=${encodeURIComponent(`to:${to}`)}`);
    const list = (await res.json()) as { messages: Array<{ ID: string; Created: string }> };
    if (list.messages.length >= count) {
      const sorted = [...list.messages].sort((a, b) => a.Created.localeCompare(b.Created));
      return Promise.all(
        sorted.map(async (m) => (await (await fetch(`${baseUrl}/api/v1/message/${m.ID}`)).json()) as InboxMessage),
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`expected ${count} mail(s) to ${to}`);
}

export async function lastMailTo(to: string, count = 1): Promise<InboxMessage> {
  const mails = await mailsTo(to, count);
  const last = mails[mails.length - 1];
  if (!last) throw new Error(`no mail to ${to}`);
  return last;
}

/** The /verify link of a mail ({{ .ConfirmationURL }}). */
export function verifyLink(mail: InboxMessage): string {
  const match = /(https?:\/\/\S+\/auth\/v1\/verify\?\S+)/.exec(mail.Text);
  if (!match?.[1]) throw new Error(`no verify link in mail: ${mail.Text}`);
  return match[1];
}

/**
 * The code in a mail: GoTrue's default text ("Enter the code: 123456") or the project's templates
 * ("…type this code on the sign-in page:" and the code below it).
 */
export function otpOf(mail: InboxMessage): string {
  const match = /code\b[^\n]*:\s+(\d{6,10})\b/i.exec(mail.Text);
  if (!match?.[1]) throw new Error("no OTP in mail");
  return match[1];
}

/** The token hash a mail's /verify link carries (its `token` parameter). */
export function tokenHashOf(mail: InboxMessage): string {
  const hash = new URL(verifyLink(mail)).searchParams.get("token");
  if (!hash) throw new Error("no token hash in mail");
  return hash;
}

/** Follows an email link like a browser would, without following the redirect. */
export async function clickLink(link: string): Promise<{ status: number; location: string }> {
  const res = await fetch(link, { redirect: "manual" });
  return { status: res.status, location: res.headers.get("location") ?? "" };
}

/** Parses the fragment or query params of a redirect target. */
export function paramsOf(location: string, part: "hash" | "search"): URLSearchParams {
  const url = new URL(location);
  return new URLSearchParams(part === "hash" ? url.hash.slice(1) : url.search);
}

/** Raw call to the Auth API (for wire details supabase-js hides: headers, legacy bodies). */
export async function rawAuth(
  path: string,
  init: RequestInit & { apiVersion?: string | null } = {},
): Promise<Response> {
  const headers = new Headers(init.headers);
  if (!headers.has("apikey")) headers.set("apikey", env.anonKey);
  if (init.apiVersion !== null) headers.set("X-Supabase-Api-Version", init.apiVersion ?? "2024-01-01");
  return fetch(`${env.url}/auth/v1${path}`, { ...init, headers });
}

/** A confirmed user created through the admin API, plus a signed-in client for it. */
export async function confirmedUser(tag: string, metadata: Record<string, unknown> = {}) {
  const email = uniqueEmail(tag);
  const { data, error } = await adminClient().auth.admin.createUser({
    email,
    password: PASSWORD,
    email_confirm: true,
    user_metadata: metadata,
  });
  if (error || !data.user) throw new Error(`createUser failed: ${error?.message}`);
  return { email, id: data.user.id };
}

export function decodeClaims(jwt: string): Record<string, unknown> {
  const payload = jwt.split(".")[1] ?? "";
  return JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as Record<string, unknown>;
}
