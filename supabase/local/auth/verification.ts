/**
 * Turning an email token into a verified user (GoTrue verify.go verifyTokenHash / verifyUserAndToken
 * and signupVerify / recoverVerify / emailChangeVerify). Shared by GET /verify (email links) and
 * POST /verify (token_hash or email + OTP). Returns null for the first half of a secure email change.
 */
import type { Db } from "./db.ts";
import { confirmUser } from "./create-user.ts";
import { AuthError, forbidden, validationFailed } from "./errors.ts";
import { tokenHash } from "./otp.ts";
import { isBanned } from "./request-auth.ts";
import { rfc3339ToMillis } from "./time.ts";
import {
  findUserByEmail,
  findUserById,
  insertIdentity,
  updateIdentityData,
  type UserWithIdentities,
} from "./users-repo.ts";

export interface VerifySettings {
  otpExpirySeconds: number;
  autoconfirm: boolean;
  secureEmailChange: boolean;
}

export interface Verified {
  user: UserWithIdentities;
  /** The concrete type ("email" resolved to signup or magiclink). */
  type: string;
  /** The stored token value that matched (tells the two email-change tokens apart). */
  matched: string;
}

const LINK_INVALID = "Email link is invalid or has expired";
const OTP_INVALID = "Token has expired or is invalid";

function expired(sentAt: string | null, otpExpirySeconds: number): boolean {
  return sentAt === null || Date.now() > rfc3339ToMillis(sentAt) + otpExpirySeconds * 1000;
}

const TOKEN_COLUMNS: Record<string, string[]> = {
  email: ["confirmation_token", "recovery_token"],
  signup: ["confirmation_token"],
  invite: ["confirmation_token"],
  recovery: ["recovery_token"],
  magiclink: ["recovery_token"],
  email_change: ["email_change_token_current", "email_change_token_new"],
};

/** Finds the user a token hash belongs to; `type` "email" resolves to signup or magiclink. */
export async function userByTokenHash(db: Db, type: string, hash: string, settings: VerifySettings): Promise<Verified> {
  const columns = TOKEN_COLUMNS[type];
  if (!columns) throw validationFailed("Invalid email verification type");
  const where = columns.map((c) => `${c} = $1`).join(" or ");
  const [row] = await db.query<{ id: string }>(
    `select id from auth.users where (${where}) and is_sso_user = false limit 1 for update`,
    [hash],
  );
  const user = row ? await findUserById(db, row.id) : null;
  if (!user) throw forbidden("otp_expired", LINK_INVALID);
  if (isBanned(user.banned_until)) throw forbidden("user_banned", "User is banned");
  let resolved = type;
  let sentAt = user.confirmation_sent_at;
  if (type === "email") {
    resolved = "signup";
    if (user.recovery_token === hash) {
      resolved = "magiclink";
      sentAt = user.recovery_sent_at;
    }
  } else if (type === "recovery" || type === "magiclink") sentAt = user.recovery_sent_at;
  else if (type === "email_change") sentAt = user.email_change_sent_at;
  if (expired(sentAt, settings.otpExpirySeconds)) throw forbidden("otp_expired", LINK_INVALID);
  return { user, type: resolved, matched: hash };
}

function otpMatches(
  hash: string,
  stored: string | null,
  sentAt: string | null,
  otpExpirySeconds: number,
): string | null {
  if (!stored || expired(sentAt, otpExpirySeconds)) return null;
  return stored === hash || stored === `pkce_${hash}` ? stored : null;
}

/**
 * GoTrue's FindUserForEmailChange: the user is found by the code's token (hash of the address the code
 * was mailed to), not by the account's address — the new address is not the account's yet, and an
 * anonymous user has none. The current address's token counts only with secure email change.
 */
async function userForEmailChange(
  db: Db,
  hash: string,
  aud: string,
  secureEmailChange: boolean,
): Promise<UserWithIdentities | null> {
  const [row] = await db.query<{ id: string }>(
    `select id from auth.users
      where (email_change_token_new in ($1::text, 'pkce_' || $1::text)
             or ($2::boolean and email_change_token_current in ($1::text, 'pkce_' || $1::text)))
        and aud = $3 and is_sso_user = false
      limit 1 for update`,
    [hash, secureEmailChange, aud],
  );
  return row ? findUserById(db, row.id) : null;
}

/** POST /verify with {type, email, token}: the OTP from the mail. */
export async function userByEmailOtp(
  db: Db,
  type: string,
  email: string,
  otp: string,
  aud: string,
  settings: VerifySettings,
): Promise<Verified> {
  const user =
    type === "email_change"
      ? await userForEmailChange(db, tokenHash(email, otp), aud, settings.secureEmailChange)
      : await findUserByEmail(db, email, aud);
  if (!user) throw forbidden("otp_expired", OTP_INVALID);
  if (isBanned(user.banned_until)) throw forbidden("user_banned", "User is banned");
  const exp = settings.otpExpirySeconds;
  let resolved = type;
  let matched: string | null = null;
  if (type === "email_change") {
    const target = user.email_change ?? "";
    matched =
      otpMatches(tokenHash(user.email ?? "", otp), user.email_change_token_current, user.email_change_sent_at, exp) ??
      otpMatches(tokenHash(target, otp), user.email_change_token_new, user.email_change_sent_at, exp);
  } else {
    const hash = tokenHash(email, otp);
    if (type === "email") {
      matched = otpMatches(hash, user.confirmation_token, user.confirmation_sent_at, exp);
      resolved = "signup";
      if (!matched) {
        matched = otpMatches(hash, user.recovery_token, user.recovery_sent_at, exp);
        resolved = "magiclink";
      }
    } else if (type === "signup" || type === "invite") {
      matched = otpMatches(hash, user.confirmation_token, user.confirmation_sent_at, exp);
    } else if (type === "recovery" || type === "magiclink") {
      matched = otpMatches(hash, user.recovery_token, user.recovery_sent_at, exp);
    } else {
      throw validationFailed("Unsupported verification type");
    }
  }
  if (!matched) throw forbidden("otp_expired", OTP_INVALID);
  return { user, type: resolved, matched };
}

/** Applies the verification; null means "first of two email-change confirmations accepted". */
export async function applyVerification(
  db: Db,
  user: UserWithIdentities,
  type: string,
  usedHash: string,
  settings: VerifySettings,
): Promise<UserWithIdentities | null> {
  switch (type) {
    case "signup":
    case "invite":
      await confirmUser(db, user.id, true);
      break;
    case "recovery":
    case "magiclink":
      await db.query(`update auth.users set recovery_token = '', updated_at = now() where id = $1`, [user.id]);
      await db.query(`delete from auth.one_time_tokens where user_id = $1`, [user.id]);
      if (!user.email_confirmed_at) await confirmUser(db, user.id, false);
      break;
    case "email_change":
      if (!(await emailChange(db, user, usedHash, settings))) return null;
      break;
    default:
      throw validationFailed("Unsupported verification type");
  }
  const fresh = await findUserById(db, user.id);
  if (!fresh) throw new AuthError(500, "unexpected_failure", "Database error updating user");
  return fresh;
}

/**
 * GoTrue's emailChangeVerify. With secure email change on (and an address already held) the first
 * link only records one confirmation. The change itself: the email identity gets the new address (or
 * is created, verified, when the user had none — an anonymous user adding an email), an anonymous
 * user becomes permanent, and the address is confirmed.
 */
export async function emailChange(
  db: Db,
  user: UserWithIdentities,
  usedHash: string,
  settings: VerifySettings,
): Promise<boolean> {
  if (
    !settings.autoconfirm &&
    settings.secureEmailChange &&
    (user.email_change_confirm_status ?? 0) === 0 &&
    user.email
  ) {
    const column =
      usedHash === user.email_change_token_current ? "email_change_token_current" : "email_change_token_new";
    await db.query(
      `update auth.users set email_change_confirm_status = 1, ${column} = '', updated_at = now() where id = $1`,
      [user.id],
    );
    return false;
  }
  const newEmail = user.email_change ?? "";
  if (user.identities.some((identity) => identity.provider === "email")) {
    await updateIdentityData(db, user.id, "email", { email: newEmail, email_verified: true });
  } else {
    const identityData = { sub: user.id, email: newEmail.toLowerCase(), email_verified: true, phone_verified: false };
    await insertIdentity(db, user, "email", identityData);
  }
  if (user.is_anonymous) {
    await db.query(`update auth.users set is_anonymous = false, updated_at = now() where id = $1`, [user.id]);
  }
  await db.query(
    `update auth.users set email = email_change, email_change = '', email_change_token_current = '',
       email_change_token_new = '', email_change_confirm_status = 0, updated_at = now() where id = $1`,
    [user.id],
  );
  await db.query(`delete from auth.one_time_tokens where user_id = $1`, [user.id]);
  if (!user.email_confirmed_at) await confirmUser(db, user.id, false);
  await db.query(
    `update auth.users set raw_user_meta_data = raw_user_meta_data || jsonb_build_object('email', $2::text), updated_at = now()
      where id = $1 and raw_user_meta_data ? 'email'`,
    [user.id, newEmail],
  );
  return true;
}
