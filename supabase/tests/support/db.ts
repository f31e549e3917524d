/**
 * Shared helpers for the SQL-level tests: a pool on SUPABASE_DB_URL, transactions that always roll
 * back (so most tests leave nothing behind), GoTrue-style user inserts, and API-role simulation the
 * way PostgREST does it (`set local role` + `request.jwt.claims`).
 */
import { randomUUID } from "node:crypto";
import pg from "pg";

export function dbUrl(): string {
  const url = process.env.SUPABASE_DB_URL;
  if (!url)
    throw new Error("SUPABASE_DB_URL is not set: start the local stack (npm run supabase:start) and export its env");
  return url;
}

export function createPool(max = 10): pg.Pool {
  return new pg.Pool({ connectionString: dbUrl(), max });
}

/** Runs `fn` in a transaction that is always rolled back. */
export async function inRolledBackTx<T>(pool: pg.Pool, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query("begin");
    return await fn(client);
  } finally {
    await client.query("rollback").catch(() => undefined);
    client.release();
  }
}

/** A PostgreSQL error as the tests look at it. */
export interface PgFailure {
  code: string | undefined;
  constraint: string | undefined;
  message: string;
}

/**
 * Runs one statement inside a savepoint: returns its rows, or the error it raised (the enclosing
 * transaction stays usable either way).
 */
export async function attempt(
  client: pg.ClientBase,
  sql: string,
  params: unknown[] = [],
): Promise<{ rows: Record<string, unknown>[]; rowCount: number; error: PgFailure | null }> {
  await client.query("savepoint attempt");
  try {
    const result = await client.query(sql, params);
    await client.query("release savepoint attempt");
    return { rows: result.rows as Record<string, unknown>[], rowCount: result.rowCount ?? 0, error: null };
  } catch (error) {
    await client.query("rollback to savepoint attempt");
    const e = error as pg.DatabaseError;
    return { rows: [], rowCount: 0, error: { code: e.code, constraint: e.constraint, message: e.message } };
  }
}

export interface NewUser {
  email?: string;
  appMetadata?: Record<string, unknown>;
  userMetadata?: Record<string, unknown>;
}

export function uniqueEmail(tag: string): string {
  return `db-test-${tag}-${randomUUID().slice(0, 8)}@example.test`;
}

/**
 * Inserts an auth user the way GoTrue's signup does : as supabase_auth_admin with
 * search_path = auth, role '' and only the client-sent metadata, then the follow-up UPDATEs.
 * Must run inside a transaction (it uses `set local`). Returns the new user id.
 */
export async function insertUserLikeGoTrue(client: pg.ClientBase, user: NewUser = {}): Promise<string> {
  const id = randomUUID();
  const email = user.email ?? uniqueEmail("user");
  await client.query("set local role supabase_auth_admin");
  await client.query("set local search_path = auth");
  await client.query(
    `insert into users (instance_id, id, aud, role, email, encrypted_password, raw_app_meta_data,
       raw_user_meta_data, created_at, updated_at, is_sso_user, is_anonymous,
       confirmation_token, recovery_token, email_change_token_new, email_change)
     values ('00000000-0000-0000-0000-000000000000', $1, 'authenticated', '', $2,
       '$2a$10$abcdefghijklmnopqrstuuH3ZpHK5kMHQGzFa1jxGkxH6jNVCRhb6', $3, $4, now(), now(), false, false,
       '', '', '', '')`,
    [
      id,
      email,
      JSON.stringify({ provider: "email", providers: ["email"], ...user.appMetadata }),
      JSON.stringify(user.userMetadata ?? {}),
    ],
  );
  await client.query("update users set role = 'authenticated', email_confirmed_at = now() where id = $1", [id]);
  await client.query("reset role");
  await client.query("set local search_path = public");
  return id;
}

export type ApiRole = "anon" | "authenticated" | "service_role";

/** Switches the transaction to an API role with JWT claims, as PostgREST does per request. */
export async function actAs(client: pg.ClientBase, role: ApiRole, claims: Record<string, unknown> = {}): Promise<void> {
  await client.query("reset role");
  await client.query("select set_config('request.jwt.claims', $1, true)", [JSON.stringify({ role, ...claims })]);
  await client.query(`set local role ${role}`);
}

/** Acts as a signed-in user (role authenticated, sub = userId). */
export async function actAsUser(
  client: pg.ClientBase,
  userId: string,
  appMetadata: Record<string, unknown> = {},
): Promise<void> {
  await actAs(client, "authenticated", { sub: userId, aud: "authenticated", app_metadata: appMetadata });
}

/** Back to the connecting role with no JWT claims. */
export async function actAsOwner(client: pg.ClientBase): Promise<void> {
  await client.query("reset role");
  await client.query("select set_config('request.jwt.claims', '', true)");
}
