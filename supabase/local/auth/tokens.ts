/**
 * Sessions and the access-token response (GoTrue's tokens.Service IssueRefreshToken /
 * GenerateAccessToken): a row in auth.sessions, a legacy 12-character refresh token in
 * auth.refresh_tokens, the sign-in method in auth.mfa_amr_claims (the JWT's `amr`), and a JWT
 * signed with the signing key (ES256 with `kid` locally; HS256 when no signing keys are configured).
 */
import { randomBytes, randomUUID } from "node:crypto";
import { signJwt, type JwtKeys } from "../jwt.ts";
import { accessTokenClaims, type AmrEntry } from "./claims.ts";
import type { Db } from "./db.ts";
import { userJson } from "./serialize.ts";
import { findUserById, NIL_UUID, type UserWithIdentities } from "./users-repo.ts";
import { internalError } from "./errors.ts";
import { customizeAccessToken, type PgHook } from "./hooks.ts";
import { assuranceLevel } from "./mfa/assurance.ts";
import { rfc3339ToMillis } from "./time.ts";

export interface TokenDeps {
  keys: JwtKeys;
  issuer: string;
  jwtExpiry: number;
  customAccessTokenHook: PgHook | null;
}

/** Why a token is issued: GoTrue's authentication method ("password", "otp", "token_refresh", "totp", …). */
export interface Grant {
  method: string;
  ip: string | null;
}

/** Where a request came from, recorded on the session as GoTrue does. */
export interface ClientMeta {
  ip: string | null;
  userAgent: string | null;
}

const BASE32 = "abcdefghijklmnopqrstuvwxyz234567";

/** GoTrue's crypto.SecureAlphanumeric(12): lower-case base32. */
export function newRefreshToken(): string {
  const bytes = randomBytes(12);
  let out = "";
  for (const byte of bytes) out += BASE32[byte % 32];
  return out;
}

export async function insertRefreshToken(
  db: Db,
  userId: string,
  sessionId: string,
  parent: string | null,
): Promise<string> {
  const token = newRefreshToken();
  await db.query(
    `insert into auth.refresh_tokens (instance_id, token, user_id, revoked, created_at, updated_at, parent, session_id)
     values ($1, $2, $3, false, now(), now(), $4, $5)`,
    [NIL_UUID, token, userId, parent, sessionId],
  );
  return token;
}

async function sessionAmr(db: Db, sessionId: string): Promise<AmrEntry[]> {
  const rows = await db.query<{ authentication_method: string; updated_at: string }>(
    `select authentication_method, updated_at from auth.mfa_amr_claims where session_id = $1 order by updated_at desc`,
    [sessionId],
  );
  return rows.map((r) => ({
    method: r.authentication_method,
    timestamp: Math.floor(rfc3339ToMillis(r.updated_at) / 1000),
  }));
}

/**
 * Signs the access token for `user` in `sessionId` (its claims through the custom access token hook
 * when one is configured) and shapes GoTrue's AccessTokenResponse.
 */
export async function tokenResponse(
  db: Db,
  deps: TokenDeps,
  user: UserWithIdentities,
  sessionId: string,
  refreshToken: string,
  grant: Grant,
): Promise<Record<string, unknown>> {
  const issuedAt = Math.floor(Date.now() / 1000);
  const amr = await sessionAmr(db, sessionId);
  const claims = accessTokenClaims({
    issuer: deps.issuer,
    userId: user.id,
    aud: user.aud ?? "",
    email: user.email ?? "",
    phone: user.phone ?? "",
    appMetadata: user.raw_app_meta_data ?? {},
    userMetadata: user.raw_user_meta_data ?? {},
    role: user.role ?? "",
    sessionId,
    amr,
    aal: assuranceLevel(amr),
    isAnonymous: user.is_anonymous,
    issuedAt,
    expiresIn: deps.jwtExpiry,
  });
  const signed = deps.customAccessTokenHook
    ? await customizeAccessToken(db, deps.customAccessTokenHook, {
        userId: user.id,
        claims,
        authenticationMethod: grant.method,
        ip: grant.ip,
      })
    : claims;
  const accessToken = await signJwt(signed, deps.keys);
  return {
    access_token: accessToken,
    token_type: "bearer",
    expires_in: deps.jwtExpiry,
    expires_at: issuedAt + deps.jwtExpiry,
    refresh_token: refreshToken,
    user: userJson(user),
  };
}

/**
 * Starts a session for `user` signed in by `method` ("password", "otp", "email/signup", …):
 * last_sign_in_at, session row, first refresh token, amr claim; returns the token response.
 */
export async function issueSession(
  db: Db,
  deps: TokenDeps,
  userId: string,
  method: string,
  meta: ClientMeta,
): Promise<Record<string, unknown>> {
  const sessionId = randomUUID();
  await db.query(
    `insert into auth.sessions (id, user_id, created_at, updated_at, aal, user_agent, ip)
     values ($1, $2, now(), now(), 'aal1', $3, $4)`,
    [sessionId, userId, meta.userAgent, meta.ip],
  );
  await db.query(`update auth.users set last_sign_in_at = now(), updated_at = now() where id = $1`, [userId]);
  const refreshToken = await insertRefreshToken(db, userId, sessionId, null);
  await db.query(
    `insert into auth.mfa_amr_claims (id, session_id, created_at, updated_at, authentication_method)
     values ($1, $2, now(), now(), $3)
     on conflict (session_id, authentication_method) do update set updated_at = excluded.updated_at`,
    [randomUUID(), sessionId, method],
  );
  const user = await findUserById(db, userId);
  if (!user) throw internalError("Database error granting user");
  return tokenResponse(db, deps, user, sessionId, refreshToken, { method, ip: meta.ip });
}

/** A usable client IP for the inet column (GoTrue stores nothing when it cannot parse one). */
export function clientIp(ip: string): string | null {
  const trimmed = ip.trim();
  if (/^[0-9a-fA-F:.]+$/.test(trimmed) && trimmed.length > 0) return trimmed;
  return null;
}
