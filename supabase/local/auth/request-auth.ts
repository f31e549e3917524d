/**
 * Who is calling (GoTrue's requireAuthentication / requireAdmin): the
 * gateway-resolved bearer JWT is verified, then `sub` must name an existing user and `session_id`
 * an existing session. Admin routes need `role` service_role or supabase_admin.
 */
import { verifyJwt, type JwtClaims, type JwtFailure } from "../jwt.ts";
import type { Db } from "./db.ts";
import { AuthError, forbidden } from "./errors.ts";
import type { Call } from "./runtime.ts";
import { findUserById, type UserWithIdentities } from "./users-repo.ts";
import { rfc3339ToMillis } from "./time.ts";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ADMIN_ROLES = ["service_role", "supabase_admin"];
/**
 * GoTrue's bearer rule: `bearer` in any case, exactly one space, then a token with no whitespace
 * (RE2's `\S`: not space, tab, CR, LF or form feed) to the end of the header.
 */
const GOTRUE_BEARER = /^bearer ([^\t\n\f\r ]+)$/i;

/** The text golang-jwt gives for each failure, as GoTrue embeds it in the message. */
const JWT_FAILURE_TEXT: Record<JwtFailure, string> = {
  malformed: "token is malformed: token contains an invalid number of segments",
  bad_signature: "token signature is invalid: signature is invalid",
  expired: "token has invalid claims: token is expired",
  unsupported_alg: "token is unverifiable: error while executing keyfunc: unexpected signing method",
  unknown_key: "token is unverifiable: error while executing keyfunc: unrecognized JWT kid",
};

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/**
 * Verifies the bearer; 401 no_authorization without one (no Authorization, another scheme, an empty
 * token, two spaces before it or one inside it), 403 bad_jwt when it does not verify.
 */
export async function requireClaims(call: Call): Promise<JwtClaims> {
  const bearer = GOTRUE_BEARER.exec(call.ctx.authorization ?? "")?.[1];
  if (bearer === undefined) throw new AuthError(401, "no_authorization", "This endpoint requires a valid Bearer token");
  const result = await verifyJwt(bearer, call.rt.jwtKeys);
  if (!result.ok) {
    throw forbidden("bad_jwt", `invalid JWT: unable to parse or verify signature, ${JWT_FAILURE_TEXT[result.reason]}`);
  }
  return result.claims;
}

export interface Authenticated {
  claims: JwtClaims;
  user: UserWithIdentities;
  sessionId: string | null;
}

export function isBanned(bannedUntil: string | null): boolean {
  return bannedUntil !== null && rfc3339ToMillis(bannedUntil) > Date.now();
}

/** GoTrue's maybeLoadUserOrSession + the ban check of requireAuthentication. */
export async function loadCaller(db: Db, claims: JwtClaims): Promise<Authenticated> {
  const sub = typeof claims.sub === "string" ? claims.sub : "";
  if (sub === "") throw forbidden("bad_jwt", "invalid claim: missing sub claim");
  if (!isUuid(sub)) throw new AuthError(400, "bad_jwt", "invalid claim: sub claim must be a UUID");
  const user = await findUserById(db, sub);
  if (!user) throw forbidden("user_not_found", "User from sub claim in JWT does not exist");
  let sessionId: string | null = null;
  const sid = claims.session_id;
  if (typeof sid === "string" && sid !== "") {
    if (!isUuid(sid)) throw forbidden("bad_jwt", "invalid claim: session_id claim must be a UUID");
    const rows = await db.query(`select 1 from auth.sessions where id = $1`, [sid]);
    if (rows.length === 0) throw forbidden("session_not_found", "Session from session_id claim in JWT does not exist");
    sessionId = sid;
  }
  if (isBanned(user.banned_until)) throw forbidden("user_banned", "User is banned");
  return { claims, user, sessionId };
}

export async function requireAdmin(call: Call): Promise<JwtClaims> {
  const claims = await requireClaims(call);
  const role = typeof claims.role === "string" ? claims.role : "";
  if (!ADMIN_ROLES.includes(role)) throw forbidden("not_admin", "User not allowed");
  return claims;
}
