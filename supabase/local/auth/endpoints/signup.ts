/**
 * POST /signup (GoTrue signup.go): validation in GoTrue's order, the GoTrue-style
 * user creation (create-user.ts), then either an immediate session (autoconfirm) or a confirmation
 * mail (+ PKCE flow state). A repeated sign-up of a confirmed address is `422 user_already_exists`
 * with autoconfirm, and an obfuscated fake user (no DB change) with confirmations on.
 */
import { randomUUID } from "node:crypto";
import { AuthError, unprocessable, validationFailed, badRequest } from "../errors.ts";
import { confirmUser, createEmailIdentity, insertUserRow } from "../create-user.ts";
import { beforeUserCreated } from "../hook-events.ts";
import { withTx } from "../db.ts";
import { hashPassword } from "../hashing.ts";
import { readJsonBody, obj, sendJson, str } from "../http.ts";
import { sendConfirmation } from "../mailing.ts";
import { checkPasswordStrength } from "../password-policy.ts";
import { clientMeta, requestAud, type Call } from "../runtime.ts";
import { sanitizedUserJson, userJson } from "../serialize.ts";
import { issueSession } from "../tokens.ts";
import { findUserByEmail, findUserById, type UserWithIdentities } from "../users-repo.ts";
import type { FlowType } from "../otp.ts";
import { signupAnonymously } from "./anonymous.ts";
import { createFlowState, pkceFlow, requestRedirect, validateEmail } from "./common.ts";

/** Thrown when the address already belongs to a confirmed user. */
export class RepeatedSignup extends Error {}

export interface Registration {
  email: string;
  aud: string;
  encryptedPassword: string;
  data: Record<string, unknown>;
  flow: FlowType;
  codeChallenge: string;
  codeChallengeMethod: string;
  redirectTo: string;
}

/**
 * The transaction of GoTrue's Signup after validation (also used by magic-link sign-up): create or
 * reuse the unconfirmed user, then either confirm + session (autoconfirm) or flow state + mail.
 */
export async function registerEmailUser(
  call: Call,
  r: Registration,
): Promise<{ session: Record<string, unknown> } | { user: UserWithIdentities }> {
  const { settings } = call.rt;
  return withTx(call.rt.pool, async (db) => {
    const existing = await findUserByEmail(db, r.email, r.aud);
    if (existing && existing.email_confirmed_at) throw new RepeatedSignup();
    let userId: string;
    if (existing) {
      userId = existing.id;
      if (!existing.identities.some((i) => i.provider === "email")) {
        await createEmailIdentity(db, userId, r.email, r.data, true);
      }
    } else {
      const newUser = {
        id: randomUUID(),
        aud: r.aud,
        email: r.email,
        encryptedPassword: r.encryptedPassword,
        userMetadata: r.data,
        appMetadata: { provider: "email", providers: ["email"] },
      };
      await beforeUserCreated(call, newUser);
      userId = await insertUserRow(db, newUser, "Database error saving new user");
      await createEmailIdentity(db, userId, r.email, r.data, true);
    }
    if (settings.autoconfirm) {
      await confirmUser(db, userId, false);
      return { session: await issueSession(db, call.rt.tokens, userId, "password", clientMeta(call)) };
    }
    if (r.flow === "pkce") await createFlowState(db, userId, "email/signup", r.codeChallenge, r.codeChallengeMethod);
    const user = await findUserById(db, userId);
    if (!user) throw new AuthError(500, "unexpected_failure", "Database error saving new user");
    await sendConfirmation(call, db, user, r.flow, r.redirectTo);
    return { user: (await findUserById(db, userId)) ?? user };
  });
}

export async function signup(call: Call): Promise<void> {
  const { settings, limiter } = call.rt;
  const body = await readJsonBody(call.req);
  const emailParam = str(body, "email");
  const phone = str(body, "phone");
  if (emailParam === "" && phone === "") return signupAnonymously(call, body);
  limiter.take("signInSignUps", call.ctx.ip);
  if (settings.disableSignup) throw unprocessable("signup_disabled", "Signups not allowed for this instance");

  const password = str(body, "password");
  const data = obj(body, "data") ?? {};
  if (password === "") throw validationFailed("Signup requires a valid password");
  const weak = checkPasswordStrength(password, settings.password);
  if (weak) throw weak;
  if (emailParam !== "" && phone !== "") {
    throw validationFailed("Only an email address or phone number should be provided on signup.");
  }
  const codeChallenge = str(body, "code_challenge");
  const codeChallengeMethod = str(body, "code_challenge_method");
  if (phone !== "" && codeChallenge !== "") throw validationFailed("PKCE not supported for phone signups");
  const flow = pkceFlow(codeChallenge, codeChallengeMethod);
  if (emailParam === "") throw badRequest("phone_provider_disabled", "Phone signups are disabled");
  if (!settings.emailProviderEnabled) throw badRequest("email_provider_disabled", "Email signups are disabled");
  const email = validateEmail(emailParam);
  const aud = requestAud(call);
  const redirectTo = requestRedirect(call);
  const encryptedPassword = await hashPassword(password);

  try {
    const answer = await registerEmailUser(call, {
      email,
      aud,
      encryptedPassword,
      data,
      flow,
      codeChallenge,
      codeChallengeMethod,
      redirectTo,
    });
    if ("session" in answer) sendJson(call.res, 200, answer.session);
    else sendJson(call.res, 200, userJson(answer.user));
  } catch (error) {
    if (!(error instanceof RepeatedSignup)) throw error;
    if (settings.autoconfirm) throw unprocessable("user_already_exists", "User already registered");
    const existing = await withTx(call.rt.pool, (db) => findUserByEmail(db, email, aud));
    if (!existing) throw error;
    sendJson(call.res, 200, sanitizedUserJson(existing, data, aud));
  }
}
