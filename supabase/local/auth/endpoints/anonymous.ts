/**
 * POST /signup with neither email nor phone (GoTrue anonymous.go, SignupAnonymously): refused with
 * 422 anonymous_provider_disabled unless `enable_anonymous_sign_ins` is on; then the per-IP
 * `anonymous_users` limit (per hour), `disable_signup`, and a user with no address, no password, no
 * identity and `is_anonymous = true`, signed in at once (amr "anonymous", JWT `is_anonymous: true`).
 */
import { randomUUID } from "node:crypto";
import { insertUserRow } from "../create-user.ts";
import { beforeUserCreated } from "../hook-events.ts";
import { withTx } from "../db.ts";
import { unprocessable } from "../errors.ts";
import { obj, sendJson } from "../http.ts";
import { clientMeta, requestAud, type Call } from "../runtime.ts";
import { issueSession } from "../tokens.ts";

export async function signupAnonymously(call: Call, body: Record<string, unknown>): Promise<void> {
  const { settings, limiter } = call.rt;
  if (!settings.anonymousSignIns) throw unprocessable("anonymous_provider_disabled", "Anonymous sign-ins are disabled");
  limiter.take("anonymousUsers", call.ctx.ip);
  if (settings.disableSignup) throw unprocessable("signup_disabled", "Signups not allowed for this instance");
  const data = obj(body, "data") ?? {};
  // GoTrue records no provider for an anonymous user: app_metadata stays {}.
  const newUser = {
    id: randomUUID(),
    aud: requestAud(call),
    email: null,
    encryptedPassword: null,
    userMetadata: data,
    appMetadata: {},
    isAnonymous: true,
  };
  await beforeUserCreated(call, newUser);
  const session = await withTx(call.rt.pool, async (db) => {
    const userId = await insertUserRow(db, newUser, "Database error creating anonymous user");
    return issueSession(db, call.rt.tokens, userId, "anonymous", clientMeta(call));
  });
  sendJson(call.res, 200, session);
}
