/**
 * POST /otp with an email (signInWithOtp; GoTrue otp.go + magic_link.go): a confirmed user gets a
 * magic link; an unknown or unconfirmed address is signed up with a random password first (a
 * confirmation mail, or — with autoconfirm — straight on to the magic link). `create_user: false`
 * refuses unknown addresses with `422 otp_disabled`. Phone OTPs are not emulated.
 */
import { randomBytes } from "node:crypto";
import { withTx } from "../db.ts";
import { badRequest, unprocessable, validationFailed } from "../errors.ts";
import { hashPassword } from "../hashing.ts";
import { obj, readJsonBody, sendJson, str } from "../http.ts";
import { sendMagicLink } from "../mailing.ts";
import { requestAud, type Call } from "../runtime.ts";
import { findUserByEmail } from "../users-repo.ts";
import { createFlowState, pkceFlow, requestRedirect, validateEmail } from "./common.ts";
import { registerEmailUser, RepeatedSignup } from "./signup.ts";

export async function otp(call: Call): Promise<void> {
  const { settings, limiter } = call.rt;
  limiter.take("signInSignUps", call.ctx.ip);
  const body = await readJsonBody(call.req);
  const emailParam = str(body, "email");
  const phone = str(body, "phone");
  const createUser = body.create_user === undefined || body.create_user === null ? true : body.create_user === true;
  const data = obj(body, "data") ?? {};
  const codeChallenge = str(body, "code_challenge");
  const codeChallengeMethod = str(body, "code_challenge_method");
  if (emailParam !== "" && phone !== "")
    throw validationFailed("Only an email address or phone number should be provided");
  if (emailParam !== "" && str(body, "channel") !== "")
    throw validationFailed("Channel should only be specified with Phone OTP");
  const flow = pkceFlow(codeChallenge, codeChallengeMethod);
  if (emailParam === "") {
    if (phone !== "") throw badRequest("phone_provider_disabled", "Phone logins are disabled");
    throw unprocessable("validation_failed", "Password recovery requires an email");
  }
  const email = validateEmail(emailParam);
  const aud = requestAud(call);
  const redirectTo = requestRedirect(call);
  if (!settings.emailProviderEnabled) throw unprocessable("email_provider_disabled", "Email logins are disabled");

  let user = await withTx(call.rt.pool, (db) => findUserByEmail(db, email, aud));
  if (!user && !createUser) throw unprocessable("otp_disabled", "Signups not allowed for otp");
  if (!user || !user.email_confirmed_at) {
    if (settings.disableSignup) throw unprocessable("signup_disabled", "Signups not allowed for this instance");
    const encryptedPassword = await hashPassword(randomBytes(33).toString("base64url"));
    try {
      await registerEmailUser(call, {
        email,
        aud,
        encryptedPassword,
        data,
        flow,
        codeChallenge,
        codeChallengeMethod,
        redirectTo,
      });
    } catch (error) {
      if (!(error instanceof RepeatedSignup)) throw error;
    }
    if (!settings.autoconfirm) return sendJson(call.res, 200, {});
    user = await withTx(call.rt.pool, (db) => findUserByEmail(db, email, aud));
    if (!user) return sendJson(call.res, 200, {});
  }
  const confirmed = user;
  await withTx(call.rt.pool, async (db) => {
    if (flow === "pkce") await createFlowState(db, confirmed.id, "magiclink", codeChallenge, codeChallengeMethod);
    await sendMagicLink(call, db, confirmed, flow, redirectTo);
  });
  sendJson(call.res, 200, {});
}
