/**
 * POST /token: grant_type password, refresh_token and pkce. Every grant
 * counts against the per-IP `token_refresh` limit, as in GoTrue.
 */
import { createHash, timingSafeEqual } from "node:crypto";
import { withTx } from "../db.ts";
import { badRequest, internalError, notFound, unprocessable, validationFailed, AuthError } from "../errors.ts";
import { verifyPassword } from "../hashing.ts";
import { passwordVerificationAttempt } from "../hook-events.ts";
import { readJsonBody, sendJson, str } from "../http.ts";
import { checkPasswordStrength } from "../password-policy.ts";
import { refreshGrant } from "../refresh.ts";
import { isBanned } from "../request-auth.ts";
import { clientMeta, requestAud, type Call } from "../runtime.ts";
import { rfc3339ToMillis } from "../time.ts";
import { issueSession } from "../tokens.ts";
import { findUserByEmail, findUserById } from "../users-repo.ts";

import { idTokenGrant, web3Grant } from "./disabled.ts";
const INVALID_LOGIN = "Invalid login credentials";

export async function token(call: Call): Promise<void> {
  const grantType = call.ctx.query.get("grant_type") ?? "";
  if (grantType === "id_token") return idTokenGrant(call);
  if (grantType === "web3") return web3Grant();
  if (!["password", "refresh_token", "pkce"].includes(grantType)) {
    throw badRequest("invalid_credentials", "unsupported_grant_type");
  }
  call.rt.limiter.take("tokenRefresh", call.ctx.ip);
  const body = await readJsonBody(call.req);
  if (grantType === "password") return passwordGrant(call, body);
  if (grantType === "refresh_token") {
    const refreshToken = str(body, "refresh_token");
    const { rotationEnabled, reuseIntervalSeconds } = call.rt.settings;
    const session = await withTx(call.rt.pool, (db) =>
      refreshGrant(db, call.rt.tokens, { rotationEnabled, reuseIntervalSeconds }, refreshToken, clientMeta(call)),
    );
    return sendJson(call.res, 200, session);
  }
  return pkceGrant(call, body);
}

async function passwordGrant(call: Call, body: Record<string, unknown>): Promise<void> {
  const email = str(body, "email");
  const phone = str(body, "phone");
  const password = str(body, "password");
  if (email !== "" && phone !== "") {
    throw validationFailed("Only an email address or phone number should be provided on login.");
  }
  if (email === "") {
    if (phone !== "") throw unprocessable("phone_provider_disabled", "Phone logins are disabled");
    throw validationFailed("missing email or phone");
  }
  if (!call.rt.settings.emailProviderEnabled)
    throw unprocessable("email_provider_disabled", "Email logins are disabled");
  const aud = requestAud(call);
  // GoTrue's answer when the lookup fails in the database (an email holding U+0000, Postgres down).
  const user = await withTx(call.rt.pool, (db) => findUserByEmail(db, email, aud)).catch((error: unknown) => {
    throw internalError("Database error querying schema", error);
  });
  if (!user || !user.encrypted_password) throw badRequest("invalid_credentials", INVALID_LOGIN);
  if (isBanned(user.banned_until)) throw badRequest("user_banned", "User is banned");
  const valid = await verifyPassword(password, user.encrypted_password);
  await passwordVerificationAttempt(call, user.id, valid);
  if (!valid) throw badRequest("invalid_credentials", INVALID_LOGIN);
  if (!user.email_confirmed_at) throw badRequest("email_not_confirmed", "Email not confirmed");

  const weak = checkPasswordStrength(password, call.rt.settings.password);
  const session = await withTx(call.rt.pool, (db) =>
    issueSession(db, call.rt.tokens, user.id, "password", clientMeta(call)),
  );
  if (weak && weak.kind === "weak_password") session.weak_password = { message: weak.message, reasons: weak.reasons };
  sendJson(call.res, 200, session);
}

/** RFC 7636 check: s256 → base64url(sha256(verifier)), plain → equality. */
export function verifyPkce(challenge: string, method: string, verifier: string): boolean {
  const expected = method === "s256" ? createHash("sha256").update(verifier).digest("base64url") : verifier;
  const a = Buffer.from(expected);
  const b = Buffer.from(challenge);
  return a.length === b.length && timingSafeEqual(a, b);
}

interface FlowStateRow {
  id: string;
  user_id: string | null;
  code_challenge: string | null;
  code_challenge_method: string | null;
  authentication_method: string;
  created_at: string;
  auth_code_issued_at: string | null;
}

/** GoTrue's FlowState.IsExpired: a magic link's flow counts from the click (code issued), others from the request. */
function flowStart(flow: FlowStateRow): string {
  return flow.authentication_method === "magiclink" && flow.auth_code_issued_at
    ? flow.auth_code_issued_at
    : flow.created_at;
}

async function pkceGrant(call: Call, body: Record<string, unknown>): Promise<void> {
  const authCode = str(body, "auth_code");
  const verifier = str(body, "code_verifier");
  if (authCode === "" || verifier === "") {
    throw validationFailed("invalid request: both auth code and code verifier should be non-empty");
  }
  const session = await withTx(call.rt.pool, async (db) => {
    const [flow] = await db.query<FlowStateRow>(
      `select id, user_id, code_challenge, code_challenge_method::text as code_challenge_method,
              authentication_method, created_at, auth_code_issued_at
         from auth.flow_state where auth_code = $1 for update`,
      [authCode],
    );
    if (!flow || !flow.user_id) throw notFound("flow_state_not_found", "invalid flow state, no valid flow state found");
    if (Date.now() > rfc3339ToMillis(flowStart(flow)) + call.rt.settings.flowStateExpirySeconds * 1000) {
      throw unprocessable("flow_state_expired", "invalid flow state, flow state has expired");
    }
    const user = await findUserById(db, flow.user_id);
    if (!user) throw new AuthError(500, "unexpected_failure", "Database error finding user");
    if (!flow.code_challenge || !flow.code_challenge_method) {
      throw badRequest("bad_code_verifier", "PKCE verification not applicable for implicit flow");
    }
    if (!verifyPkce(flow.code_challenge, flow.code_challenge_method, verifier)) {
      throw badRequest("bad_code_verifier", "code challenge does not match previously saved code verifier");
    }
    const issued = await issueSession(db, call.rt.tokens, user.id, flow.authentication_method, clientMeta(call));
    await db.query(`delete from auth.flow_state where id = $1`, [flow.id]);
    return issued;
  });
  sendJson(call.res, 200, session);
}
