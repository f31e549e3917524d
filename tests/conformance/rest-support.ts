/**
 * Helpers for the REST conformance suites (tests/conformance/rest*.int.test.ts): the unmodified
 * supabase-js client against SUPABASE_URL, fixture tables from supabase/tests/fixtures/rest_*.sql
 * loaded through SUPABASE_DB_URL, and test users made through the Auth admin API.
 */
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { createClient, type SupabaseClient } from "@supabase/supabase-js";
import pg from "pg";
import { env } from "./test-env";

export { env };

const noSession = { auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false } };

export function anonClient(key = env.anonKey): SupabaseClient {
  return createClient(env.url, key, noSession);
}

export function serviceClient(key = env.serviceRoleKey): SupabaseClient {
  return createClient(env.url, key, noSession);
}

/** A client that sends `token` as its bearer, as a signed-in browser would. */
export function tokenClient(token: string): SupabaseClient {
  return createClient(env.url, env.anonKey, {
    ...noSession,
    global: { headers: { Authorization: `Bearer ${token}` } },
  });
}

export async function sql<T extends pg.QueryResultRow = pg.QueryResultRow>(
  text: string,
  values: unknown[] = [],
): Promise<T[]> {
  const client = new pg.Client({ connectionString: env.dbUrl });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

function fixture(name: string): string {
  return readFileSync(new URL(`../../supabase/tests/fixtures/${name}`, import.meta.url), "utf8");
}

/** Waits until the schema cache reflects `present` (the service reloads on NOTIFY asynchronously). */
async function waitForSchema(present: boolean): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const { error } = await serviceClient().from("rest_canary").select("id").limit(1);
    if (present ? error === null : error?.code === "PGRST205") return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`schema cache never ${present ? "saw" : "dropped"} the REST fixtures`);
}

/** Runs a fixture file and waits until the schema cache has (or no longer has) `table`. */
export async function runFixture(name: string, table: string, present: boolean): Promise<void> {
  await sql(fixture(name));
  for (let attempt = 0; attempt < 100; attempt++) {
    const { error } = await serviceClient().from(table).select("*").limit(1);
    if (present ? error === null : error?.code === "PGRST205") return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`schema cache never ${present ? "saw" : "dropped"} ${table}`);
}

export async function loadFixtures(): Promise<void> {
  await sql(fixture("rest_conformance.sql"));
  await waitForSchema(true);
}

export async function dropFixtures(): Promise<void> {
  await sql(fixture("rest_conformance_drop.sql"));
  await waitForSchema(false);
}

export interface TestUser {
  id: string;
  email: string;
  token: string;
  client: SupabaseClient;
}

/** A confirmed user made through the admin API, signed in with a password (a real access token). */
export async function createUser(tag: string): Promise<TestUser> {
  const email = `rest-${tag}-${randomUUID().slice(0, 8)}@example.com`;
  const password = "rest-password-9";
  const admin = serviceClient();
  const created = await admin.auth.admin.createUser({ email, password, email_confirm: true });
  if (created.error || !created.data.user) throw new Error(`createUser failed: ${created.error?.message}`);
  const signIn = await anonClient().auth.signInWithPassword({ email, password });
  if (signIn.error || !signIn.data.session) throw new Error(`sign-in failed: ${signIn.error?.message}`);
  const token = signIn.data.session.access_token;
  return { id: created.data.user.id, email, token, client: tokenClient(token) };
}

export async function deleteUser(user: TestUser | undefined): Promise<void> {
  if (user) await serviceClient().auth.admin.deleteUser(user.id);
}

/**
 * Raw HTTP against /rest/v1 for what supabase-js hides (headers, statuses, odd queries). Sends the key
 * as supabase-js does, also as `Authorization: Bearer` unless the caller sets one: a legacy JWT apikey
 * alone reaches PostgREST as anon.
 */
export async function rest(path: string, init: RequestInit & { key?: string } = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  if (!headers.has("apikey")) headers.set("apikey", init.key ?? env.serviceRoleKey);
  if (!headers.has("authorization")) headers.set("authorization", `Bearer ${headers.get("apikey")}`);
  return fetch(`${env.url}/rest/v1${path}`, { ...init, headers });
}

/** Sets an in-database `pgrst.*` setting and waits until the service has read it. */
export async function configure(setting: string, value: string | null, ready: () => Promise<boolean>): Promise<void> {
  await sql(
    value === null
      ? `alter role authenticator reset pgrst.${setting}; notify pgrst, 'reload config'`
      : `alter role authenticator set pgrst.${setting} = '${value}'; notify pgrst, 'reload config'`,
  );
  for (let attempt = 0; attempt < 50; attempt++) {
    if (await ready()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the REST service never read pgrst.${setting}`);
}
