/**
 * Sending the email-link mails the way GoTrue's mail.go does: refuse within `max_frequency` of the
 * previous mail (429 over_email_send_rate_limit), count the per-IP `email_sent` limit when custom
 * SMTP is on, mint OTP + token hash, send, then store the token, its sent_at and a one_time_tokens row.
 */
import type { Db } from "./db.ts";
import { AuthError, internalError } from "./errors.ts";
import { renderMail, type MailKind } from "./mail-templates.ts";
import { generateOtp, tokenHash, withFlowPrefix, type FlowType } from "./otp.ts";
import type { Call } from "./runtime.ts";
import { rfc3339ToMillis } from "./time.ts";
import { updateUserColumns, type UserRow } from "./users-repo.ts";

/** GoTrue's validateSentWithinFrequencyLimit. */
export function checkFrequency(sentAt: string | null, maxFrequencySeconds: number, now = Date.now()): void {
  if (!sentAt) return;
  const until = rfc3339ToMillis(sentAt) + maxFrequencySeconds * 1000;
  if (until > now) {
    const left = Math.trunc((until - now) / 1000);
    throw new AuthError(
      429,
      "over_email_send_rate_limit",
      `For security purposes, you can only request this after ${left} seconds.`,
    );
  }
}

async function deliver(
  call: Call,
  user: UserRow,
  kind: MailKind,
  to: string,
  otp: string,
  hash: string,
  redirectTo: string,
  newEmail?: string,
) {
  const { settings, mailer, limiter } = call.rt;
  if (settings.mail.smtpEnabled) limiter.take("emailSent", call.ctx.ip);
  const mail = renderMail(
    {
      kind,
      to,
      externalUrl: settings.externalUrl,
      siteUrl: settings.siteUrl,
      redirectTo,
      otp,
      tokenHash: hash,
      email: user.email ?? to,
      data: user.raw_user_meta_data ?? {},
      ...(newEmail ? { newEmail } : {}),
    },
    settings.mail.templates,
  );
  try {
    await mailer.send(mail);
  } catch (error) {
    throw internalError("Error sending email", error);
  }
}

type TokenType =
  | "confirmation_token"
  | "recovery_token"
  | "email_change_token_new"
  | "email_change_token_current"
  | "reauthentication_token";

async function storeOneTimeToken(
  db: Db,
  userId: string,
  type: TokenType,
  hash: string,
  relatesTo: string,
): Promise<void> {
  await db.query(`delete from auth.one_time_tokens where user_id = $1 and token_type = $2`, [userId, type]);
  await db.query(
    `insert into auth.one_time_tokens (id, user_id, token_type, token_hash, relates_to, created_at, updated_at)
     values (gen_random_uuid(), $1, $2, $3, $4, now(), now())`,
    [userId, type, hash, relatesTo],
  );
}

/**
 * The user columns a link mail's token lives in. Magic links share recovery's slot in GoTrue, so they
 * also share its frequency timer. Names come only from this table, never from a request.
 */
const LINK_SLOTS = {
  confirmation: { token: "confirmation_token", sentAt: "confirmation_sent_at" },
  recovery: { token: "recovery_token", sentAt: "recovery_sent_at" },
} as const;

async function sendLinkMail(
  call: Call,
  db: Db,
  user: UserRow,
  kind: Extract<MailKind, "confirmation" | "recovery" | "magic_link">,
  slot: keyof typeof LINK_SLOTS,
  flow: FlowType,
  redirectTo: string,
): Promise<void> {
  const { token, sentAt } = LINK_SLOTS[slot];
  const { mail } = call.rt.settings;
  checkFrequency(user[sentAt], mail.maxFrequencySeconds);
  const email = user.email ?? "";
  const otp = generateOtp(mail.otpLength);
  const hash = withFlowPrefix(tokenHash(email, otp), flow);
  await deliver(call, user, kind, email, otp, hash, redirectTo);
  await db.query(`update auth.users set ${token} = $2, ${sentAt} = now(), updated_at = now() where id = $1`, [
    user.id,
    hash,
  ]);
  await storeOneTimeToken(db, user.id, token, hash, email);
}

export async function sendConfirmation(call: Call, db: Db, user: UserRow, flow: FlowType, redirectTo: string) {
  await sendLinkMail(call, db, user, "confirmation", "confirmation", flow, redirectTo);
}

export async function sendRecovery(call: Call, db: Db, user: UserRow, flow: FlowType, redirectTo: string) {
  await sendLinkMail(call, db, user, "recovery", "recovery", flow, redirectTo);
}

/** GoTrue's sendMagicLink: a recovery-style token under the magic-link template (same frequency timer). */
export async function sendMagicLink(call: Call, db: Db, user: UserRow, flow: FlowType, redirectTo: string) {
  await sendLinkMail(call, db, user, "magic_link", "recovery", flow, redirectTo);
}

/**
 * GoTrue's sendInvite: a confirmation token under the invite template (the link verifies as type
 * "invite"), stamping invited_at and confirmation_sent_at. An admin action: no frequency limit.
 */
export async function sendInvite(call: Call, db: Db, user: UserRow, redirectTo: string): Promise<void> {
  const email = user.email ?? "";
  const otp = generateOtp(call.rt.settings.mail.otpLength);
  const hash = tokenHash(email, otp);
  await deliver(call, user, "invite", email, otp, hash, redirectTo);
  await db.query(
    `update auth.users set confirmation_token = $2, confirmation_sent_at = now(), invited_at = now(), updated_at = now()
     where id = $1`,
    [user.id, hash],
  );
  await storeOneTimeToken(db, user.id, "confirmation_token", hash, email);
}

/** Mails the new address (and, with secure email change, the current one) a confirmation link. */
export async function sendEmailChange(
  call: Call,
  db: Db,
  user: UserRow,
  newEmail: string,
  flow: FlowType,
  redirectTo: string,
): Promise<void> {
  const { mail, secureEmailChange } = call.rt.settings;
  checkFrequency(user.email_change_sent_at, mail.maxFrequencySeconds);
  const otpNew = generateOtp(mail.otpLength);
  const hashNew = withFlowPrefix(tokenHash(newEmail, otpNew), flow);
  let hashCurrent = "";
  const current = user.email ?? "";
  if (secureEmailChange && current !== "") {
    const otpCurrent = generateOtp(mail.otpLength);
    hashCurrent = withFlowPrefix(tokenHash(current, otpCurrent), flow);
    await deliver(call, user, "email_change", current, otpCurrent, hashCurrent, redirectTo, newEmail);
  }
  await deliver(call, user, "email_change", newEmail, otpNew, hashNew, redirectTo, newEmail);
  await updateUserColumns(db, user.id, {
    email_change: newEmail,
    email_change_token_new: hashNew,
    email_change_token_current: hashCurrent,
    email_change_confirm_status: 0,
    email_change_sent_at: new Date().toISOString(),
  });
  await storeOneTimeToken(db, user.id, "email_change_token_new", hashNew, newEmail);
  if (hashCurrent) await storeOneTimeToken(db, user.id, "email_change_token_current", hashCurrent, current);
}

export async function sendReauthentication(call: Call, db: Db, user: UserRow): Promise<void> {
  const { mail } = call.rt.settings;
  checkFrequency(user.reauthentication_sent_at, mail.maxFrequencySeconds);
  const email = user.email ?? "";
  const otp = generateOtp(mail.otpLength);
  const hash = tokenHash(email, otp);
  await deliver(call, user, "reauthentication", email, otp, "", "");
  await db.query(
    `update auth.users set reauthentication_token = $2, reauthentication_sent_at = now(), updated_at = now() where id = $1`,
    [user.id, hash],
  );
  await storeOneTimeToken(db, user.id, "reauthentication_token", hash, email);
}
