/**
 * POST /admin/generate_link (GoTrue mail.go adminGenerateLink): the email-link tokens without sending
 * a mail — signup (creating the user), invite, magiclink, recovery, email_change_current/new. Answers
 * the user object plus action_link, email_otp, hashed_token, verification_type and redirect_to.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { createEmailIdentity, insertUserRow } from "../create-user.ts";
import { beforeUserCreated } from "../hook-events.ts";
import { withTx, type Db } from "../db.ts";
import { notFound, unprocessable, validationFailed, AuthError } from "../errors.ts";
import { hashPassword } from "../hashing.ts";
import { obj, readJsonBody, sendJson, str } from "../http.ts";
import { confirmationUrl } from "../mail-templates.ts";
import { generateOtp, tokenHash } from "../otp.ts";
import { checkPasswordStrength } from "../password-policy.ts";
import { isRedirectUrlValid } from "../redirect.ts";
import { requireAdmin } from "../request-auth.ts";
import { requestAud, type Call } from "../runtime.ts";
import { userJson } from "../serialize.ts";
import {
  emailTaken,
  findUserByEmail,
  findUserById,
  mergeMetadata,
  updateUserColumns,
  type UserWithIdentities,
} from "../users-repo.ts";
import { requestRedirect, validateEmail } from "./common.ts";

async function oneTimeToken(db: Db, userId: string, type: string, hash: string, relatesTo: string): Promise<void> {
  await db.query(`delete from auth.one_time_tokens where user_id = $1 and token_type = $2`, [userId, type]);
  await db.query(
    `insert into auth.one_time_tokens (id, user_id, token_type, token_hash, relates_to) values (gen_random_uuid(), $1, $2, $3, $4)`,
    [userId, type, hash, relatesTo],
  );
}

async function createUnconfirmed(
  call: Call,
  db: Db,
  email: string,
  aud: string,
  password: string,
  data: Record<string, unknown>,
): Promise<string> {
  const newUser = {
    id: randomUUID(),
    aud,
    email,
    encryptedPassword: await hashPassword(password),
    userMetadata: data,
    appMetadata: { provider: "email", providers: ["email"] },
  };
  await beforeUserCreated(call, newUser);
  const userId = await insertUserRow(db, newUser, "Database error saving new user");
  await createEmailIdentity(db, userId, email, {}, false);
  return userId;
}

export async function generateLink(call: Call): Promise<void> {
  await requireAdmin(call);
  const body = await readJsonBody(call.req);
  const email = validateEmail(str(body, "email"));
  let type = str(body, "type");
  let password = str(body, "password");
  const data = obj(body, "data") ?? {};
  const redirectParam = str(body, "redirect_to");
  const { settings } = call.rt;
  const redirectTo = isRedirectUrlValid(redirectParam, settings.siteUrl, settings.redirectAllowList)
    ? redirectParam
    : requestRedirect(call);
  const aud = requestAud(call);
  const otp = generateOtp(settings.mail.otpLength);
  const hash = tokenHash(email, otp);

  const answer = await withTx(call.rt.pool, async (db) => {
    let user: UserWithIdentities | null = await findUserByEmail(db, email, aud);
    if (!user) {
      if (type === "magiclink") {
        type = "signup";
        password = randomBytes(48).toString("base64url");
      } else if (["recovery", "email_change_current", "email_change_new"].includes(type)) {
        throw notFound("user_not_found", "User with this email not found");
      }
    }
    let linkToken = hash;
    if (type === "magiclink" || type === "recovery") {
      const target = user as UserWithIdentities;
      await updateUserColumns(db, target.id, { recovery_token: hash, recovery_sent_at: new Date().toISOString() });
      await oneTimeToken(db, target.id, "recovery_token", hash, email);
    } else if (type === "signup" || type === "invite") {
      if (user?.email_confirmed_at)
        throw unprocessable("email_exists", "A user with this email address has already been registered");
      if (type === "signup" && !user) {
        if (password === "") throw validationFailed("Signup requires a valid password");
        const weak = checkPasswordStrength(password, settings.password);
        if (weak) throw weak;
      }
      const userId = user
        ? user.id
        : await createUnconfirmed(
            call,
            db,
            email,
            aud,
            type === "signup" ? password : randomBytes(48).toString("base64url"),
            data,
          );
      if (user && type === "signup")
        await updateUserColumns(db, userId, {
          raw_user_meta_data: JSON.stringify(mergeMetadata(user.raw_user_meta_data ?? {}, data)),
        });
      const now = new Date().toISOString();
      await updateUserColumns(db, userId, {
        confirmation_token: hash,
        confirmation_sent_at: now,
        ...(type === "invite" ? { invited_at: now } : {}),
      });
      await oneTimeToken(db, userId, "confirmation_token", hash, email);
      user = await findUserById(db, userId);
    } else if (type === "email_change_current" || type === "email_change_new") {
      const target = user as UserWithIdentities;
      if (!settings.secureEmailChange && type === "email_change_current") {
        throw validationFailed("Enable secure email change to generate link for current email");
      }
      const newEmail = validateEmail(str(body, "new_email"));
      if (await emailTaken(db, newEmail, target.id)) {
        throw unprocessable("email_exists", "A user with this email address has already been registered");
      }
      const current = type === "email_change_current" ? hash : (target.email_change_token_current ?? "");
      const next = type === "email_change_new" ? tokenHash(newEmail, otp) : (target.email_change_token_new ?? "");
      linkToken = type === "email_change_current" ? current : next;
      await updateUserColumns(db, target.id, {
        email_change: newEmail,
        email_change_token_current: current,
        email_change_token_new: next,
        email_change_sent_at: new Date().toISOString(),
        email_change_confirm_status: 0,
      });
      if (type === "email_change_current")
        await oneTimeToken(db, target.id, "email_change_token_current", current, email);
      else await oneTimeToken(db, target.id, "email_change_token_new", next, newEmail);
    } else {
      throw validationFailed(`Invalid email action link type requested: ${type}`);
    }
    const fresh = await findUserById(db, (user as UserWithIdentities).id);
    if (!fresh) throw new AuthError(500, "unexpected_failure", "Database error finding user");
    return { user: fresh, linkToken };
  });
  const verifyType = type.startsWith("email_change") ? "email_change" : type;
  sendJson(call.res, 200, {
    ...userJson(answer.user),
    action_link: confirmationUrl(settings.externalUrl, answer.linkToken, verifyType, redirectTo),
    email_otp: otp,
    hashed_token: hash,
    verification_type: type,
    redirect_to: redirectTo,
  });
}
