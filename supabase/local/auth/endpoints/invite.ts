/**
 * POST /invite (GoTrue invite.go, `auth.admin.inviteUserByEmail`): admin only. Creates the user
 * (no password, an email identity) unless the address already has an unconfirmed one, refuses a
 * confirmed address with 422 email_exists, and mails an invite link that verifies as type "invite"
 * (confirming the address and signing the person in). Answers the user, with `invited_at`.
 */
import { randomUUID } from "node:crypto";
import { createEmailIdentity, insertUserRow } from "../create-user.ts";
import { beforeUserCreated } from "../hook-events.ts";
import { withTx } from "../db.ts";
import { internalError, unprocessable } from "../errors.ts";
import { obj, readJsonBody, sendJson, str } from "../http.ts";
import { sendInvite } from "../mailing.ts";
import { requireAdmin } from "../request-auth.ts";
import { requestAud, type Call } from "../runtime.ts";
import { userJson } from "../serialize.ts";
import { findUserByEmail, findUserById } from "../users-repo.ts";
import { requestRedirect, validateEmail } from "./common.ts";

export async function invite(call: Call): Promise<void> {
  await requireAdmin(call);
  const body = await readJsonBody(call.req);
  const email = validateEmail(str(body, "email"));
  const data = obj(body, "data") ?? {};
  const aud = requestAud(call);
  const redirectTo = requestRedirect(call);
  const user = await withTx(call.rt.pool, async (db) => {
    const existing = await findUserByEmail(db, email, aud);
    if (existing?.email_confirmed_at) {
      throw unprocessable("email_exists", "A user with this email address has already been registered");
    }
    let userId = existing?.id;
    if (!userId) {
      const newUser = {
        id: randomUUID(),
        aud,
        email,
        encryptedPassword: null,
        userMetadata: data,
        appMetadata: { provider: "email", providers: ["email"] },
      };
      await beforeUserCreated(call, newUser);
      userId = await insertUserRow(db, newUser, "Database error saving new user");
      await createEmailIdentity(db, userId, email, {}, false);
    }
    const created = await findUserById(db, userId);
    if (!created) throw internalError("Database error finding user");
    await sendInvite(call, db, created, redirectTo);
    return (await findUserById(db, userId)) ?? created;
  });
  sendJson(call.res, 200, userJson(user));
}
