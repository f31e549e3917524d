/**
 * Creating a user exactly as GoTrue does, so triggers on auth.users see what they
 * would see on hosted: the INSERT carries role '' and only the client's metadata, then separate
 * UPDATEs set the role, the identity-derived metadata and (with autoconfirm) the confirmation.
 * Runs inside the caller's transaction; a failing statement surfaces as GoTrue's 500 message for
 * that step, and the caller's rollback leaves no half-created user.
 */
import { randomUUID } from "node:crypto";
import type { Db } from "./db.ts";
import { internalError } from "./errors.ts";
import { insertIdentity, NIL_UUID } from "./users-repo.ts";

export interface NewUser {
  id?: string;
  aud: string;
  /** null for an anonymous user (GoTrue stores no address). */
  email: string | null;
  encryptedPassword: string | null;
  isAnonymous?: boolean;
  userMetadata: Record<string, unknown>;
  appMetadata: Record<string, unknown>;
}

/** Logs the real database error (never sent to the client). */
export function logDbError(context: string, error: unknown): void {
  const pg = error as { message?: string; code?: string; detail?: string; where?: string };
  console.error(
    `[auth] ${context}: ${pg.message ?? String(error)}` +
      (pg.code ? ` (SQLSTATE ${pg.code})` : "") +
      (pg.detail ? ` detail: ${pg.detail}` : "") +
      (pg.where ? ` where: ${pg.where}` : ""),
  );
}

async function step<T>(message: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    logDbError(message, error);
    throw internalError(message, error);
  }
}

/** INSERT (role '') + role UPDATE; returns the new id. `insertMessage` differs for signup vs admin. */
export async function insertUserRow(db: Db, user: NewUser, insertMessage: string): Promise<string> {
  const id = user.id ?? randomUUID();
  await step(insertMessage, () =>
    db.query(
      `insert into auth.users (
         instance_id, id, aud, role, email, is_sso_user, encrypted_password, email_confirmed_at, invited_at,
         phone, phone_confirmed_at, confirmation_token, confirmation_sent_at, recovery_token, recovery_sent_at,
         email_change_token_current, email_change_token_new, email_change, email_change_sent_at,
         email_change_confirm_status, phone_change_token, phone_change, phone_change_sent_at,
         reauthentication_token, reauthentication_sent_at, last_sign_in_at, raw_app_meta_data, raw_user_meta_data,
         created_at, updated_at, banned_until, deleted_at, is_anonymous)
       values ($1, $2, $3, '', $4, false, $5, null, null,
         null, null, '', null, '', null,
         '', '', '', null,
         0, '', '', null,
         '', null, null, $6, $7,
         now(), now(), null, null, $8)`,
      [
        NIL_UUID,
        id,
        user.aud,
        user.email,
        user.encryptedPassword ?? "",
        JSON.stringify(user.appMetadata),
        JSON.stringify(user.userMetadata),
        user.isAnonymous === true,
      ],
    ),
  );
  await step("Database error updating user", () =>
    db.query(`update auth.users set role = 'authenticated', updated_at = now() where id = $1`, [id]),
  );
  return id;
}

/** The email identity GoTrue creates on sign-up; its data becomes the user's metadata. */
export async function createEmailIdentity(
  db: Db,
  userId: string,
  email: string,
  data: Record<string, unknown>,
  rewriteMetadata: boolean,
) {
  const identityData: Record<string, unknown> = { sub: userId, email, email_verified: false, phone_verified: false };
  for (const [key, value] of Object.entries(data)) if (!(key in identityData)) identityData[key] = value;
  await step("Database error creating identity", () => insertIdentity(db, { id: userId }, "email", identityData));
  if (rewriteMetadata) {
    await step("Database error updating user", () =>
      db.query(`update auth.users set raw_user_meta_data = $2, updated_at = now() where id = $1`, [
        userId,
        JSON.stringify(identityData),
      ]),
    );
  }
}

/**
 * GoTrue's User.Confirm: email_confirmed_at, clear the token, email_verified in the user metadata.
 * The verify endpoints (signupVerify) also mark the matching email identity verified; the autoconfirm
 * sign-up path does not.
 */
export async function confirmUser(db: Db, userId: string, alsoIdentity: boolean): Promise<void> {
  await step("Error confirming user", async () => {
    await db.query(
      `update auth.users set confirmation_token = '', email_confirmed_at = now(), updated_at = now() where id = $1`,
      [userId],
    );
    await db.query(
      `update auth.users set raw_user_meta_data = coalesce(raw_user_meta_data, '{}'::jsonb) || '{"email_verified": true}'::jsonb,
         updated_at = now() where id = $1`,
      [userId],
    );
    await db.query(`delete from auth.one_time_tokens where user_id = $1`, [userId]);
    if (!alsoIdentity) return;
    await db.query(
      `update auth.identities set identity_data = identity_data || '{"email_verified": true}'::jsonb, updated_at = now()
        where user_id = $1 and provider = 'email' and email = (select lower(email) from auth.users where id = $1)`,
      [userId],
    );
  });
}
