/**
 * auth.mfa_factors, auth.mfa_challenges and the session side of MFA, read and written as GoTrue's
 * models do (Factor, Challenge, Session.UpdateAALAndAssociatedFactor, DowngradeSessionsToAAL1), and
 * the factor JSON (models.Factor field order: `friendly_name` omitted when empty, `phone` always a
 * string, `last_challenged_at` null until the first challenge).
 */
import { randomUUID } from "node:crypto";
import type { Db } from "../db.ts";

export interface FactorRow {
  id: string;
  user_id: string;
  friendly_name: string | null;
  factor_type: string;
  status: string;
  created_at: string;
  updated_at: string;
  secret: string | null;
  phone: string | null;
  last_challenged_at: string | null;
}

export interface ChallengeRow {
  id: string;
  factor_id: string;
  created_at: string;
  verified_at: string | null;
  /** Whether the challenge was created from the address of the current request. */
  same_ip: boolean;
}

const FACTOR_COLUMNS = `id, user_id, friendly_name, factor_type::text as factor_type, status::text as status,
  created_at, updated_at, secret, phone, last_challenged_at`;

/** Authentication methods whose AMR claim makes a session aal2 (models.AMRClaim.IsAAL2Claim). */
export const AAL2_METHODS = ["totp", "mfa/phone", "mfa/webauthn"] as const;

export function factorJson(factor: FactorRow): Record<string, unknown> {
  const out: Record<string, unknown> = {
    id: factor.id,
    created_at: factor.created_at,
    updated_at: factor.updated_at,
    status: factor.status,
  };
  if (factor.friendly_name) out.friendly_name = factor.friendly_name;
  out.factor_type = factor.factor_type;
  out.phone = factor.phone ?? "";
  out.last_challenged_at = factor.last_challenged_at;
  return out;
}

export async function factorsOfUsers(db: Db, userIds: string[]): Promise<FactorRow[]> {
  if (userIds.length === 0) return [];
  return db.query<FactorRow>(
    `select ${FACTOR_COLUMNS} from auth.mfa_factors where user_id = any($1::uuid[]) order by created_at, id`,
    [userIds],
  );
}

export async function findOwnedFactor(db: Db, userId: string, factorId: string): Promise<FactorRow | null> {
  const [row] = await db.query<FactorRow>(
    `select ${FACTOR_COLUMNS} from auth.mfa_factors where user_id = $1 and id = $2 for update`,
    [userId, factorId],
  );
  return row ?? null;
}

/** GoTrue's DeleteExpiredFactors: unverified, never challenged, older than the factor expiry. */
export async function deleteExpiredFactors(db: Db, expirySeconds: number): Promise<void> {
  await db.query(
    `delete from auth.mfa_factors f where f.status <> 'verified'
        and not exists (select 1 from auth.mfa_challenges c where c.factor_id = f.id)
        and f.created_at + make_interval(secs => $1::float8) < now()`,
    [expirySeconds],
  );
}

export async function insertTotpFactor(
  db: Db,
  userId: string,
  friendlyName: string,
  secret: string,
): Promise<FactorRow> {
  const [row] = await db.query<FactorRow>(
    `insert into auth.mfa_factors (id, user_id, friendly_name, factor_type, status, created_at, updated_at, secret)
     values ($1, $2, $3, 'totp', 'unverified', now(), now(), $4) returning ${FACTOR_COLUMNS}`,
    [randomUUID(), userId, friendlyName, secret],
  );
  if (!row) throw new Error("factor insert returned no row");
  return row;
}

export async function insertChallenge(
  db: Db,
  factorId: string,
  ip: string,
): Promise<{ id: string; created_at: string }> {
  const [row] = await db.query<{ id: string; created_at: string }>(
    `insert into auth.mfa_challenges (id, factor_id, created_at, ip_address) values ($1, $2, now(), $3::inet)
     returning id, created_at`,
    [randomUUID(), factorId, ip],
  );
  await db.query(`update auth.mfa_factors set last_challenged_at = now() where id = $1`, [factorId]);
  if (!row) throw new Error("challenge insert returned no row");
  return row;
}

export async function findChallenge(
  db: Db,
  factorId: string,
  challengeId: string,
  ip: string,
): Promise<ChallengeRow | null> {
  const [row] = await db.query<ChallengeRow>(
    `select id, factor_id, created_at, verified_at, ip_address = $3::inet as same_ip
       from auth.mfa_challenges where id = $1 and factor_id = $2 for update`,
    [challengeId, factorId, ip],
  );
  return row ?? null;
}

/** The session's assurance level as stored on auth.sessions (null for a session without one). */
export async function sessionAal(db: Db, sessionId: string): Promise<string | null> {
  const [row] = await db.query<{ aal: string | null }>(`select aal::text as aal from auth.sessions where id = $1`, [
    sessionId,
  ]);
  return row?.aal ?? null;
}

/**
 * A verified challenge: the challenge is marked, the factor verified, the session gets the `totp`
 * AMR claim and aal2 bound to the factor, the user's sessions below aal2 end and the user's other
 * unverified TOTP factors go (GoTrue's verifyTOTPFactor transaction).
 */
export async function upgradeSession(db: Db, factor: FactorRow, challengeId: string, sessionId: string): Promise<void> {
  await db.query(`update auth.mfa_challenges set verified_at = now() where id = $1`, [challengeId]);
  if (factor.status !== "verified") {
    await db.query(`update auth.mfa_factors set status = 'verified', updated_at = now() where id = $1`, [factor.id]);
  }
  await db.query(
    `insert into auth.mfa_amr_claims (id, session_id, created_at, updated_at, authentication_method)
     values ($1, $2, now(), now(), 'totp')
     on conflict (session_id, authentication_method) do update set updated_at = excluded.updated_at`,
    [randomUUID(), sessionId],
  );
  await db.query(`update auth.sessions set aal = 'aal2', factor_id = $2, updated_at = now() where id = $1`, [
    sessionId,
    factor.id,
  ]);
  await db.query(`delete from auth.sessions where user_id = $1 and aal < 'aal2'`, [factor.user_id]);
  await db.query(`delete from auth.mfa_factors where user_id = $1 and status = 'unverified' and factor_type = 'totp'`, [
    factor.user_id,
  ]);
}

/** Deletes a factor and downgrades the sessions it raised to aal1 (their `totp` claim goes too). */
export async function deleteFactor(db: Db, factor: FactorRow): Promise<void> {
  await db.query(`delete from auth.mfa_factors where id = $1`, [factor.id]);
  await db.query(
    `delete from auth.mfa_amr_claims where authentication_method = 'totp'
        and session_id in (select id from auth.sessions where factor_id = $1)`,
    [factor.id],
  );
  await db.query(`update auth.sessions set aal = 'aal1', factor_id = null where user_id = $1 and factor_id = $2`, [
    factor.user_id,
    factor.id,
  ]);
}
