/**
 * auth.users and auth.identities, read and written the way GoTrue's models do (instance_id
 * 00000000-…, lower-cased email lookups, UpdateOnly-style UPDATEs that bump updated_at).
 */
import { randomUUID } from "node:crypto";
import type { Db } from "./db.ts";
import { factorsOfUsers, type FactorRow } from "./mfa/factors-repo.ts";

export const NIL_UUID = "00000000-0000-0000-0000-000000000000";

export interface UserRow {
  id: string;
  aud: string | null;
  role: string | null;
  email: string | null;
  phone: string | null;
  encrypted_password: string | null;
  email_confirmed_at: string | null;
  invited_at: string | null;
  phone_confirmed_at: string | null;
  confirmation_token: string | null;
  confirmation_sent_at: string | null;
  confirmed_at: string | null;
  recovery_token: string | null;
  recovery_sent_at: string | null;
  email_change_token_new: string | null;
  email_change_token_current: string | null;
  email_change: string | null;
  email_change_sent_at: string | null;
  email_change_confirm_status: number | null;
  phone_change: string | null;
  phone_change_sent_at: string | null;
  reauthentication_token: string | null;
  reauthentication_sent_at: string | null;
  last_sign_in_at: string | null;
  raw_app_meta_data: Record<string, unknown> | null;
  raw_user_meta_data: Record<string, unknown> | null;
  created_at: string;
  updated_at: string;
  banned_until: string | null;
  deleted_at: string | null;
  is_anonymous: boolean;
}

export interface IdentityRow {
  id: string;
  provider_id: string;
  user_id: string;
  identity_data: Record<string, unknown> | null;
  provider: string;
  last_sign_in_at: string | null;
  created_at: string;
  updated_at: string;
  email: string | null;
}

export interface UserWithIdentities extends UserRow {
  identities: IdentityRow[];
  /** MFA factors, verified or not (GoTrue eager-loads them with the user). */
  factors?: FactorRow[];
}

const USER_COLUMNS = `id, aud, role, email, phone, encrypted_password, email_confirmed_at, invited_at,
  phone_confirmed_at, confirmation_token, confirmation_sent_at, confirmed_at, recovery_token, recovery_sent_at,
  email_change_token_new, email_change_token_current, email_change, email_change_sent_at,
  email_change_confirm_status, phone_change, phone_change_sent_at, reauthentication_token,
  reauthentication_sent_at, last_sign_in_at, raw_app_meta_data, raw_user_meta_data, created_at, updated_at,
  banned_until, deleted_at, is_anonymous`;

async function withIdentities(db: Db, rows: UserRow[]): Promise<UserWithIdentities | null> {
  const row = rows[0];
  if (!row) return null;
  const identities = await db.query<IdentityRow>(
    `select id, provider_id, user_id, identity_data, provider, last_sign_in_at, created_at, updated_at, email
       from auth.identities where user_id = $1 order by created_at, id`,
    [row.id],
  );
  return { ...row, identities, factors: await factorsOfUsers(db, [row.id]) };
}

export async function findUserById(db: Db, id: string, forUpdate = false): Promise<UserWithIdentities | null> {
  const rows = await db.query<UserRow>(
    `select ${USER_COLUMNS} from auth.users where id = $1${forUpdate ? " for update" : ""}`,
    [id],
  );
  return withIdentities(db, rows);
}

export async function findUserByEmail(db: Db, email: string, aud: string): Promise<UserWithIdentities | null> {
  const rows = await db.query<UserRow>(
    `select ${USER_COLUMNS} from auth.users
      where instance_id = $1 and lower(email) = lower($2) and aud = $3 and is_sso_user = false
      order by created_at limit 1`,
    [NIL_UUID, email, aud],
  );
  return withIdentities(db, rows);
}

/** Any user (any audience) already holding this address, as GoTrue's IsDuplicatedEmail checks. */
export async function emailTaken(db: Db, email: string, exceptUserId: string | null): Promise<boolean> {
  const rows = await db.query(
    `select 1 from auth.users
      where instance_id = $1 and lower(email) = lower($2) and is_sso_user = false
        and ($3::uuid is null or id <> $3::uuid) limit 1`,
    [NIL_UUID, email, exceptUserId],
  );
  return rows.length > 0;
}

/** Column name → value UPDATE of one user, bumping updated_at like pop's UpdateOnly. */
export async function updateUserColumns(db: Db, userId: string, columns: Record<string, unknown>): Promise<void> {
  const names = Object.keys(columns);
  const sets = names.map((name, i) => `${quoteIdent(name)} = $${i + 2}`);
  sets.push("updated_at = now()");
  await db.query(`update auth.users set ${sets.join(", ")} where id = $1`, [userId, ...names.map((n) => columns[n])]);
}

/** GoTrue's UpdateUserMetaData: merge keys, a null value deletes the key. */
export async function mergeUserMetadata(
  db: Db,
  user: UserRow,
  patch: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  const merged = mergeMetadata(user.raw_user_meta_data ?? {}, patch);
  await updateUserColumns(db, user.id, { raw_user_meta_data: JSON.stringify(merged) });
  return merged;
}

export function mergeMetadata(base: Record<string, unknown>, patch: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete out[key];
    else out[key] = value;
  }
  return out;
}

export async function insertIdentity(
  db: Db,
  user: { id: string },
  provider: string,
  identityData: Record<string, unknown>,
): Promise<void> {
  await db.query(
    `insert into auth.identities (id, provider_id, user_id, identity_data, provider, last_sign_in_at, created_at, updated_at)
     values ($1, $2, $3, $4, $5, now(), now(), now())`,
    [randomUUID(), user.id, user.id, JSON.stringify(identityData), provider],
  );
}

/** GoTrue's Identity.UpdateIdentityData: merge into identity_data. */
export async function updateIdentityData(
  db: Db,
  userId: string,
  provider: string,
  patch: Record<string, unknown>,
): Promise<void> {
  await db.query(
    `update auth.identities set identity_data = coalesce(identity_data, '{}'::jsonb) || $3::jsonb, updated_at = now()
      where user_id = $1 and provider = $2`,
    [userId, provider, JSON.stringify(patch)],
  );
}

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
