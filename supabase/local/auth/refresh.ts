/**
 * grant_type=refresh_token: rotation with GoTrue's rules — a live token is revoked
 * and replaced by a child; a revoked token whose child is the session's active token gets that child
 * again ("client failed to save"); a revoked token within the reuse interval rotates normally;
 * anything older revokes the whole session family and answers `refresh_token_already_used`.
 * The token row is locked (FOR UPDATE) so concurrent refreshes of one token serialize.
 */
import { CommitThenFail, type Db } from "./db.ts";
import { badRequest, oauthError, validationFailed } from "./errors.ts";
import { insertRefreshToken, tokenResponse, type ClientMeta, type TokenDeps } from "./tokens.ts";
import { findUserById } from "./users-repo.ts";
import { rfc3339ToMillis } from "./time.ts";

export interface RefreshSettings {
  rotationEnabled: boolean;
  reuseIntervalSeconds: number;
}

interface TokenRow {
  id: string;
  token: string;
  user_id: string | null;
  revoked: boolean | null;
  parent: string | null;
  session_id: string | null;
  updated_at: string;
}

/** GoTrue accepts legacy 12-character tokens of [a-z0-9]; this stack issues no v2 tokens. */
export function validateRefreshTokenFormat(token: string): void {
  if (!/^[a-z0-9]{12}$/.test(token)) throw validationFailed("Refresh token is not valid");
}

function isBanned(bannedUntil: string | null): boolean {
  return bannedUntil !== null && rfc3339ToMillis(bannedUntil) > Date.now();
}

export async function refreshGrant(
  db: Db,
  deps: TokenDeps,
  settings: RefreshSettings,
  refreshToken: string,
  meta: ClientMeta,
): Promise<Record<string, unknown>> {
  if (refreshToken === "") throw oauthError("invalid_request", "refresh_token required");
  validateRefreshTokenFormat(refreshToken);

  const [token] = await db.query<TokenRow>(
    `select id::text, token, user_id, revoked, parent, session_id, updated_at from auth.refresh_tokens
      where token = $1 for update`,
    [refreshToken],
  );
  if (!token || !token.user_id)
    throw badRequest("refresh_token_not_found", "Invalid Refresh Token: Refresh Token Not Found");
  const user = await findUserById(db, token.user_id);
  if (!user) throw badRequest("refresh_token_not_found", "Invalid Refresh Token: Refresh Token Not Found");
  if (isBanned(user.banned_until)) throw badRequest("user_banned", "Invalid Refresh Token: User Banned");

  const [session] = token.session_id
    ? await db.query<{ id: string }>(`select id from auth.sessions where id = $1 for update`, [token.session_id])
    : [];
  if (!session) {
    await db.query(`delete from auth.refresh_tokens where id = $1`, [token.id]);
    throw new CommitThenFail(badRequest("session_not_found", "Invalid Refresh Token: No Valid Session Found"));
  }

  let issued: string | null = null;
  if (token.revoked) {
    const [active] = await db.query<{ token: string; parent: string | null }>(
      `select token, parent from auth.refresh_tokens where session_id = $1 and revoked is false order by id desc limit 1`,
      [session.id],
    );
    if (active && active.parent === token.token) {
      issued = active.token;
    } else {
      const reuseUntil = rfc3339ToMillis(token.updated_at) + settings.reuseIntervalSeconds * 1000;
      if (Date.now() > reuseUntil) {
        if (settings.rotationEnabled) {
          await db.query(
            `update auth.refresh_tokens set revoked = true, updated_at = now() where session_id = $1 and revoked = false`,
            [session.id],
          );
        }
        throw new CommitThenFail(badRequest("refresh_token_already_used", "Invalid Refresh Token: Already Used"));
      }
    }
  }
  if (issued === null) {
    await db.query(`update auth.refresh_tokens set revoked = true, updated_at = now() where id = $1`, [token.id]);
    issued = await insertRefreshToken(db, user.id, session.id, token.token);
  }
  await db.query(
    `update auth.sessions set refreshed_at = timezone('utc', now()), user_agent = $2, ip = $3, updated_at = now()
      where id = $1`,
    [session.id, meta.userAgent, meta.ip],
  );
  return tokenResponse(db, deps, user, session.id, issued, { method: "token_refresh", ip: meta.ip });
}
