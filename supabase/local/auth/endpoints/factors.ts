/**
 * TOTP factors of the signed-in user (GoTrue mfa.go): POST /factors (enroll), POST
 * /factors/{id}/challenge, POST /factors/{id}/verify (a new aal2 session response), DELETE
 * /factors/{id} (sessions the factor raised go back to aal1). Phone and WebAuthn factors are not
 * emulated: they answer as a project with those factor types switched off.
 */
import { CommitThenFail, withTx, type Db } from "../db.ts";
import {
  type AuthError,
  badRequest,
  forbidden,
  internalError,
  notFound,
  unprocessable,
  validationFailed,
} from "../errors.ts";
import { mfaVerificationAttempt } from "../hook-events.ts";
import { readJsonBody, sendJson, str, type JsonBody } from "../http.ts";
import {
  deleteExpiredFactors,
  deleteFactor,
  factorsOfUsers,
  findChallenge,
  findOwnedFactor,
  insertChallenge,
  insertTotpFactor,
  sessionAal,
  upgradeSession,
  type FactorRow,
} from "../mfa/factors-repo.ts";
import { newTotpKey, totpCodeValid, totpQrSvg } from "../mfa/totp.ts";
import type { JwtClaims } from "../../jwt.ts";
import { isUuid, loadCaller, requireClaims, type Authenticated } from "../request-auth.ts";
import { clientMeta, type Call } from "../runtime.ts";
import { clientIp, insertRefreshToken, tokenResponse } from "../tokens.ts";
import { findUserById, NIL_UUID } from "../users-repo.ts";
import { rfc3339ToMillis } from "../time.ts";

interface FactorCaller extends Authenticated {
  sessionId: string;
}

/** requireAuthentication + requireNotAnonymous (before the body is read, as GoTrue's middleware). */
async function factorClaims(call: Call): Promise<JwtClaims> {
  const claims = await requireClaims(call);
  if (claims.is_anonymous === true) {
    throw forbidden("no_authorization", "Anonymous user not allowed to perform these actions");
  }
  return claims;
}

/** The caller's user and session; factor work needs a session. */
async function factorCaller(db: Db, claims: JwtClaims): Promise<FactorCaller> {
  const caller = await loadCaller(db, claims);
  if (!caller.sessionId) throw internalError("A valid session and a registered user are required to enroll a factor");
  return { ...caller, sessionId: caller.sessionId };
}

/** GoTrue's loadFactor: a UUID path segment naming one of the user's factors. */
export async function ownedFactor(db: Db, userId: string, factorId: string): Promise<FactorRow> {
  if (!isUuid(factorId)) throw notFound("validation_failed", "factor_id must be an UUID");
  const factor = await findOwnedFactor(db, userId, factorId);
  if (!factor) throw notFound("mfa_factor_not_found", "Factor not found");
  return factor;
}

function disabled(kind: "enroll" | "verify", factorType: string): AuthError {
  const label = factorType === "phone" ? "Phone" : factorType === "webauthn" ? "WebAuthn" : "TOTP";
  const what = kind === "enroll" ? "enroll" : "verification";
  return unprocessable(`mfa_${factorType}_${kind}_not_enabled`, `MFA ${what} is disabled for ${label}`);
}

export async function enrollFactor(call: Call): Promise<void> {
  const claims = await factorClaims(call);
  const body = await readJsonBody(call.req);
  const factorType = str(body, "factor_type");
  const friendlyName = str(body, "friendly_name");
  const { mfa, siteUrl } = call.rt.settings;
  const answer = await withTx(call.rt.pool, async (db) => {
    const { user, sessionId } = await factorCaller(db, claims);
    if (!["totp", "phone", "webauthn"].includes(factorType)) {
      throw validationFailed("factor_type needs to be totp, phone, or webauthn");
    }
    if (factorType !== "totp" || !mfa.totpEnrollEnabled) throw disabled("enroll", factorType);
    await deleteExpiredFactors(db, mfa.factorExpirySeconds);
    const factors = await factorsOfUsers(db, [user.id]);
    if (factors.some((f) => (f.friendly_name ?? "") === friendlyName)) {
      throw unprocessable(
        "mfa_factor_name_conflict",
        `A factor with the friendly name ${JSON.stringify(friendlyName)} for this user already exists`,
      );
    }
    const verified = factors.filter((f) => f.status === "verified").length;
    if (factors.length >= mfa.maxEnrolledFactors || verified >= mfa.maxVerifiedFactors) {
      throw unprocessable(
        "too_many_enrolled_mfa_factors",
        "Maximum number of verified factors reached, unenroll to continue",
      );
    }
    if (verified > 0 && (await sessionAal(db, sessionId)) !== "aal2") {
      throw forbidden("insufficient_aal", "AAL2 required to enroll a new factor");
    }
    const issuer = str(body, "issuer") || new URL(siteUrl).host;
    const key = newTotpKey(issuer, user.email ?? "");
    const factor = await insertTotpFactor(db, user.id, friendlyName, key.secret);
    return {
      id: factor.id,
      type: "totp",
      friendly_name: friendlyName,
      totp: { qr_code: await totpQrSvg(key.uri), secret: key.secret, uri: key.uri },
    };
  });
  sendJson(call.res, 200, answer);
}

function requestIp(call: Call): string {
  return clientIp(call.ctx.ip) ?? "0.0.0.0";
}

export async function challengeFactor(call: Call, factorId: string): Promise<void> {
  const claims = await factorClaims(call);
  const answer = await withTx(call.rt.pool, async (db) => {
    const { user } = await factorCaller(db, claims);
    const factor = await ownedFactor(db, user.id, factorId);
    call.rt.limiter.take("mfaChallenge", call.ctx.ip);
    if (factor.factor_type !== "totp" || !call.rt.settings.mfa.totpVerifyEnabled) {
      throw disabled("verify", factor.factor_type);
    }
    const challenge = await insertChallenge(db, factor.id, requestIp(call));
    const expiresAt =
      Math.floor(rfc3339ToMillis(challenge.created_at) / 1000) + call.rt.settings.mfa.challengeExpirySeconds;
    return { id: challenge.id, type: factor.factor_type, expires_at: expiresAt };
  });
  sendJson(call.res, 200, answer);
}

/** GoTrue parses challenge_id as a UUID while reading the body: a malformed one is bad JSON. */
function challengeIdParam(body: JsonBody): string {
  const id = str(body, "challenge_id");
  if (id === "") return NIL_UUID;
  if (!isUuid(id)) {
    throw badRequest(
      "bad_json",
      `Could not parse request body as JSON: uuid: incorrect UUID length ${id.length} in string ${JSON.stringify(id)}`,
    );
  }
  return id.toLowerCase();
}

export async function verifyFactor(call: Call, factorId: string): Promise<void> {
  const claims = await factorClaims(call);
  // Read before the transaction so a slow client never holds a database connection.
  const body = await readJsonBody(call.req);
  const { mfa } = call.rt.settings;
  const answer = await withTx(call.rt.pool, async (db) => {
    const { user, sessionId } = await factorCaller(db, claims);
    const factor = await ownedFactor(db, user.id, factorId);
    call.rt.limiter.take("mfaVerify", call.ctx.ip);
    const challengeId = challengeIdParam(body);
    const code = str(body, "code");
    if (code === "") throw validationFailed("Code needs to be non-empty");
    if (factor.factor_type !== "totp" || !mfa.totpVerifyEnabled) throw disabled("verify", factor.factor_type);
    const challenge = await findChallenge(db, factor.id, challengeId, requestIp(call));
    if (!challenge) {
      throw unprocessable("mfa_factor_not_found", "MFA factor with the provided challenge ID not found");
    }
    if (challenge.verified_at !== null || !challenge.same_ip) {
      throw unprocessable("mfa_ip_address_mismatch", "Challenge and verify IP addresses mismatch.");
    }
    if (Date.now() > rfc3339ToMillis(challenge.created_at) + mfa.challengeExpirySeconds * 1000) {
      await db.query(`delete from auth.mfa_challenges where id = $1`, [challenge.id]);
      throw new CommitThenFail(
        unprocessable(
          "mfa_challenge_expired",
          `MFA challenge ${challenge.id} has expired, verify against another challenge or create a new challenge.`,
        ),
      );
    }
    const valid = factor.secret !== null && totpCodeValid(code, factor.secret);
    const event = { userId: user.id, factorId: factor.id, factorType: factor.factor_type, valid };
    const rejection = await mfaVerificationAttempt(call, event);
    if (rejection !== null) {
      await db.query(`delete from auth.sessions where user_id = $1`, [user.id]);
      throw new CommitThenFail(forbidden("mfa_verification_rejected", rejection));
    }
    if (!valid) throw unprocessable("mfa_verification_failed", "Invalid TOTP code entered");
    await upgradeSession(db, factor, challenge.id, sessionId);
    const refreshToken = await swapRefreshToken(db, user.id, sessionId);
    const fresh = await findUserById(db, user.id);
    if (!fresh) throw internalError("Database error finding user");
    return tokenResponse(db, call.rt.tokens, fresh, sessionId, refreshToken, {
      method: "totp",
      ip: clientMeta(call).ip,
    });
  });
  sendJson(call.res, 200, answer);
}

/** GrantRefreshTokenSwap: the session's active token is revoked and replaced by a child. */
async function swapRefreshToken(db: Db, userId: string, sessionId: string): Promise<string> {
  const [current] = await db.query<{ id: string; token: string }>(
    `select id::text, token from auth.refresh_tokens where instance_id = $1 and session_id = $2 and revoked = false
      order by created_at asc limit 1 for update`,
    [NIL_UUID, sessionId],
  );
  if (current) {
    await db.query(`update auth.refresh_tokens set revoked = true, updated_at = now() where id = $1`, [current.id]);
  }
  return insertRefreshToken(db, userId, sessionId, current?.token ?? null);
}

export async function unenrollFactor(call: Call, factorId: string): Promise<void> {
  const claims = await factorClaims(call);
  const answer = await withTx(call.rt.pool, async (db) => {
    const { user, sessionId } = await factorCaller(db, claims);
    const factor = await ownedFactor(db, user.id, factorId);
    if (factor.status === "verified" && (await sessionAal(db, sessionId)) !== "aal2") {
      throw unprocessable("insufficient_aal", "AAL2 required to unenroll verified factor");
    }
    await deleteFactor(db, factor);
    return { id: factor.id };
  });
  sendJson(call.res, 200, answer);
}
