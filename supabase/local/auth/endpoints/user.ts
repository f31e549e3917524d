/**
 * GET /user and PUT /user (GoTrue user.go), plus GET /reauthenticate (reauthenticate.go).
 * PUT merges `data`, changes the password (other sessions signed out, pending tokens cleared) and
 * starts an email change by mail; `app_metadata` is refused for non-admins. An anonymous user is
 * upgraded the same way: a password only together with an email; the email is confirmed by the
 * email-change mail (or at once without confirmations), which adds the email identity and clears
 * `is_anonymous`.
 */
import type { Db } from "../db.ts";
import { withTx } from "../db.ts";
import { badRequest, forbidden, unprocessable, validationFailed, AuthError } from "../errors.ts";
import { hashPassword, verifyPassword } from "../hashing.ts";
import { readJsonBody, obj, sendJson, str, type JsonBody } from "../http.ts";
import { sendEmailChange, sendReauthentication } from "../mailing.ts";
import { tokenHash } from "../otp.ts";
import { checkPasswordStrength } from "../password-policy.ts";
import { requireAal2ForCredentialChange } from "../mfa/assurance.ts";
import { loadCaller, requireClaims, type Authenticated } from "../request-auth.ts";
import { requestAud, type Call } from "../runtime.ts";
import { rfc3339ToMillis } from "../time.ts";
import { userJson } from "../serialize.ts";
import { emailTaken, findUserById, mergeUserMetadata, updateUserColumns } from "../users-repo.ts";
import { emailChange } from "../verification.ts";
import { createFlowState, pkceFlow, requestRedirect, validateEmail } from "./common.ts";
import { verifySettings } from "./verify.ts";

/** Loads the caller and checks the token's audience like GoTrue's UserGet. */
async function caller(call: Call, db: Db): Promise<Authenticated> {
  const claims = await requireClaims(call);
  return loadCaller(db, claims);
}

export async function getUser(call: Call): Promise<void> {
  const claims = await requireClaims(call);
  const { user } = await withTx(call.rt.pool, (db) => loadCaller(db, claims));
  const aud = Array.isArray(claims.aud) ? claims.aud[0] : claims.aud;
  if (!aud || aud !== requestAud(call)) throw validationFailed("Token audience doesn't match request audience");
  sendJson(call.res, 200, userJson(user));
}

function optionalPassword(body: JsonBody): string | null {
  return body.password === undefined || body.password === null ? null : str(body, "password");
}

export async function updateUser(call: Call): Promise<void> {
  const claims = await requireClaims(call);
  const body = await readJsonBody(call.req);
  const { settings } = call.rt;
  const emailParam = str(body, "email");
  const email = emailParam !== "" ? validateEmail(emailParam) : "";
  const password = optionalPassword(body);
  if (password !== null) {
    const weak = checkPasswordStrength(password, settings.password);
    if (weak) throw weak;
  }
  const data = obj(body, "data");
  const appData = obj(body, "app_metadata");
  const codeChallenge = str(body, "code_challenge");
  const codeChallengeMethod = str(body, "code_challenge_method");
  const nonce = str(body, "nonce");
  call.rt.limiter.take("signInSignUps", call.ctx.ip);

  const updated = await withTx(call.rt.pool, async (db) => {
    const { user, sessionId } = await loadCaller(db, claims);
    if (appData !== null) throw forbidden("not_admin", "Updating app_metadata requires admin privileges");
    const changingEmail = email !== "" && email !== (user.email ?? "");
    if (changingEmail || (password !== null && password !== "")) {
      await requireAal2ForCredentialChange(db, user, sessionId);
    }
    if (user.is_anonymous && password !== null && password !== "" && email === "") {
      throw unprocessable(
        "validation_failed",
        "Updating password of an anonymous user without an email or phone is not allowed",
      );
    }
    if (changingEmail && (await emailTaken(db, email, user.id))) {
      throw unprocessable("email_exists", "A user with this email address has already been registered");
    }
    if (password !== null) {
      if (settings.requireReauthForPasswordChange)
        await checkReauthentication(db, user.id, sessionId, nonce, settings.mail.otpExpirySeconds);
      if (password !== "" && user.encrypted_password && (await verifyPassword(password, user.encrypted_password))) {
        throw unprocessable("same_password", "New password should be different from the old password.");
      }
      await changePassword(db, user.id, await hashPassword(password), sessionId);
    }
    if (data !== null) await mergeUserMetadata(db, user, data);
    if (changingEmail && user.is_anonymous && settings.autoconfirm) {
      // Adding an email to an anonymous user without confirmations is like signing up: done at once.
      await updateUserColumns(db, user.id, { email_change: email });
      const pending = await findUserById(db, user.id);
      if (pending) await emailChange(db, pending, "", verifySettings(call));
    } else if (changingEmail) {
      const flow = pkceFlow(codeChallenge, codeChallengeMethod);
      if (flow === "pkce") await createFlowState(db, user.id, "email_change", codeChallenge, codeChallengeMethod);
      const fresh = await findUserById(db, user.id);
      if (fresh) await sendEmailChange(call, db, fresh, email, flow, requestRedirect(call));
    }
    return findUserById(db, user.id);
  });
  if (!updated) throw new AuthError(500, "unexpected_failure", "Error updating user");
  sendJson(call.res, 200, userJson(updated));
}

/** GoTrue's User.UpdatePassword: new hash, pending tokens cleared, other sessions (or all) ended. */
export async function changePassword(
  db: Db,
  userId: string,
  hash: string,
  keepSessionId: string | null,
): Promise<void> {
  await updateUserColumns(db, userId, {
    encrypted_password: hash,
    confirmation_token: "",
    confirmation_sent_at: null,
    recovery_token: "",
    recovery_sent_at: null,
    email_change_token_current: "",
    email_change_token_new: "",
    email_change_sent_at: null,
    phone_change_token: "",
    phone_change_sent_at: null,
    reauthentication_token: "",
    reauthentication_sent_at: null,
  });
  await db.query(`delete from auth.one_time_tokens where user_id = $1`, [userId]);
  await db.query(`delete from auth.sessions where user_id = $1 and ($2::uuid is null or id <> $2::uuid)`, [
    userId,
    keepSessionId,
  ]);
}

/**
 * GoTrue's rule with `secure_password_change`: a session signed in within the last 24 hours may
 * change the password as it is; an older one (or none) needs the nonce mailed by GET /reauthenticate,
 * valid for `otp_expiry` and used once.
 */
async function checkReauthentication(
  db: Db,
  userId: string,
  sessionId: string | null,
  nonce: string,
  otpExpirySeconds: number,
): Promise<void> {
  if (sessionId) {
    const [session] = await db.query<{ fresh: boolean }>(
      `select created_at > now() - interval '24 hours' as fresh from auth.sessions where id = $1`,
      [sessionId],
    );
    if (session?.fresh) return;
  }
  if (nonce === "") throw badRequest("reauthentication_needed", "Password update requires reauthentication");
  const user = await findUserById(db, userId);
  const stored = user?.reauthentication_token ?? "";
  const sentAt = user?.reauthentication_sent_at ?? null;
  const hash = tokenHash(user?.email ?? "", nonce);
  const valid =
    stored !== "" &&
    sentAt !== null &&
    Date.now() <= rfc3339ToMillis(sentAt) + otpExpirySeconds * 1000 &&
    (stored === hash || stored === `pkce_${hash}`);
  if (!valid) throw unprocessable("reauthentication_not_valid", "Nonce has expired or is invalid");
  // GoTrue's ConfirmReauthentication: the nonce is spent, and with it every one-time token of the user.
  await updateUserColumns(db, userId, { reauthentication_token: "" });
  await db.query(`delete from auth.one_time_tokens where user_id = $1`, [userId]);
}

export async function reauthenticate(call: Call): Promise<void> {
  await withTx(call.rt.pool, async (db) => {
    const { user } = await caller(call, db);
    if (!user.email)
      throw badRequest("validation_failed", "Reauthentication requires the user to have an email or a phone number");
    if (!user.email_confirmed_at) throw unprocessable("email_not_confirmed", "Please verify your email first.");
    await sendReauthentication(call, db, user);
  });
  sendJson(call.res, 200, {});
}
