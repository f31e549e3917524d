/**
 * POST /recover (GoTrue recover.go) and POST /resend (resend.go). Neither reveals
 * whether an address is registered: unknown addresses get the same `200 {}`.
 */
import { withTx } from "../db.ts";
import { badRequest, validationFailed } from "../errors.ts";
import { readJsonBody, sendJson, str } from "../http.ts";
import { sendConfirmation, sendEmailChange, sendRecovery } from "../mailing.ts";
import { requestAud, type Call } from "../runtime.ts";
import { findUserByEmail } from "../users-repo.ts";
import { createFlowState, pkceFlow, requestRedirect, validateEmail } from "./common.ts";

export async function recover(call: Call): Promise<void> {
  call.rt.limiter.take("signInSignUps", call.ctx.ip);
  const body = await readJsonBody(call.req);
  const emailParam = str(body, "email");
  const codeChallenge = str(body, "code_challenge");
  const codeChallengeMethod = str(body, "code_challenge_method");
  if (emailParam === "") throw validationFailed("Password recovery requires an email");
  const email = validateEmail(emailParam);
  const flow = pkceFlow(codeChallenge, codeChallengeMethod);
  const aud = requestAud(call);
  const redirectTo = requestRedirect(call);
  await withTx(call.rt.pool, async (db) => {
    const user = await findUserByEmail(db, email, aud);
    if (!user) return;
    if (flow === "pkce") await createFlowState(db, user.id, "recovery", codeChallenge, codeChallengeMethod);
    await sendRecovery(call, db, user, flow, redirectTo);
  });
  sendJson(call.res, 200, {});
}

export async function resend(call: Call): Promise<void> {
  call.rt.limiter.take("signInSignUps", call.ctx.ip);
  const body = await readJsonBody(call.req);
  const type = str(body, "type");
  const emailParam = str(body, "email");
  const phone = str(body, "phone");
  const codeChallenge = str(body, "code_challenge");
  const codeChallengeMethod = str(body, "code_challenge_method");
  let flow = pkceFlow("", "");
  if (type === "signup" || type === "email_change") flow = pkceFlow(codeChallenge, codeChallengeMethod);
  else if (type !== "sms" && type !== "phone_change") {
    throw validationFailed("Missing one of these types: signup, email_change, sms, phone_change");
  }
  if (emailParam === "" && type === "signup") throw validationFailed("Type provided requires an email address");
  if (phone === "" && type === "sms") throw validationFailed("Type provided requires a phone number");
  if (emailParam !== "" && phone !== "")
    throw validationFailed("Only an email address or phone number should be provided.");
  if (emailParam === "") {
    if (phone !== "") throw badRequest("phone_provider_disabled", "Phone logins are disabled");
    throw validationFailed("Missing email address or phone number");
  }
  if (!call.rt.settings.emailProviderEnabled) throw badRequest("email_provider_disabled", "Email logins are disabled");
  const email = validateEmail(emailParam);
  const aud = requestAud(call);
  const redirectTo = requestRedirect(call);
  await withTx(call.rt.pool, async (db) => {
    const user = await findUserByEmail(db, email, aud);
    if (!user) return;
    if (type === "signup") {
      if (user.email_confirmed_at) return;
      if (flow === "pkce") await createFlowState(db, user.id, "email/signup", codeChallenge, codeChallengeMethod);
      await sendConfirmation(call, db, user, flow, redirectTo);
    } else if (type === "email_change") {
      if (!user.email_change) return;
      if (flow === "pkce") await createFlowState(db, user.id, "email_change", codeChallenge, codeChallengeMethod);
      await sendEmailChange(call, db, user, user.email_change, flow, redirectTo);
    }
  });
  sendJson(call.res, 200, {});
}
