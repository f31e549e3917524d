/**
 * The hooks GoTrue calls before a user is created and after each password or TOTP check. Each runs
 * in a transaction of its own, committed whatever the request's outcome, as GoTrue runs them: a hook
 * that counts failed attempts keeps its count when the sign-in then fails.
 */
import { withTx } from "./db.ts";
import type { NewUser } from "./create-user.ts";
import { badRequest, internalError } from "./errors.ts";
import { hookError, hookMetadata, runPgHook, type PgHook } from "./hooks.ts";
import { clientMeta, type Call } from "./runtime.ts";

/** Go's zero time: the created_at/updated_at of a user GoTrue has not inserted yet. */
const NOT_YET = "0001-01-01T00:00:00Z";

async function run(call: Call, hook: PgHook, name: string, event: Record<string, unknown>): Promise<unknown> {
  const output = await withTx(call.rt.pool, (db) =>
    runPgHook(db, hook, { metadata: hookMetadata(name, clientMeta(call).ip), ...event }),
  );
  const failure = hookError(output);
  if (failure) throw failure;
  return output;
}

/** An answer's `decision`/`message`, read as Go unmarshals them (a wrong type is GoTrue's 500). */
function decision(output: unknown): { reject: boolean; message: string; logout: boolean } {
  if (output === null) return { reject: false, message: "", logout: false };
  const answer = output as { decision?: unknown; message?: unknown; should_logout_user?: unknown };
  const text = (value: unknown) => value === undefined || value === null || typeof value === "string";
  const flag = (value: unknown) => value === undefined || value === null || typeof value === "boolean";
  if (typeof output !== "object" || Array.isArray(output) || !text(answer.decision) || !text(answer.message)) {
    throw internalError("Error unmarshaling JSON output.");
  }
  if (!flag(answer.should_logout_user)) throw internalError("Error unmarshaling JSON output.");
  return {
    reject: answer.decision === "reject",
    message: typeof answer.message === "string" ? answer.message : "",
    logout: answer.should_logout_user === true,
  };
}

/**
 * `before_user_created`: the user as GoTrue would insert it (its id is the one it will get; role
 * and timestamps not set yet). An error answer refuses the sign-up and nothing is created.
 */
export async function beforeUserCreated(call: Call, user: NewUser & { id: string }): Promise<void> {
  const hook = call.rt.settings.hooks.beforeUserCreated;
  if (!hook) return;
  await run(call, hook, "before-user-created", {
    user: {
      id: user.id,
      aud: user.aud,
      role: "",
      email: user.email ?? "",
      phone: "",
      app_metadata: user.appMetadata,
      user_metadata: user.userMetadata,
      identities: [],
      created_at: NOT_YET,
      updated_at: NOT_YET,
      is_anonymous: user.isAnonymous === true,
    },
  });
}

/**
 * `password_verification_attempt`, after the password of an existing user was checked: a `reject`
 * answer is 400 invalid_credentials with the hook's message, and may end every session of the user.
 */
export async function passwordVerificationAttempt(call: Call, userId: string, valid: boolean): Promise<void> {
  const hook = call.rt.settings.hooks.passwordVerificationAttempt;
  if (!hook) return;
  const answer = decision(await run(call, hook, "password-verification", { user_id: userId, valid }));
  if (!answer.reject) return;
  if (answer.logout) {
    await withTx(call.rt.pool, (db) => db.query(`delete from auth.sessions where user_id = $1`, [userId]));
  }
  throw badRequest("invalid_credentials", answer.message || "Further password verification attempts will be rejected.");
}

/**
 * `mfa_verification_attempt`, after a TOTP code was checked: the rejection message (the caller then
 * ends every session of the user and answers 403 mfa_verification_rejected), or null to go on.
 */
export async function mfaVerificationAttempt(
  call: Call,
  event: { userId: string; factorId: string; factorType: string; valid: boolean },
): Promise<string | null> {
  const hook = call.rt.settings.hooks.mfaVerificationAttempt;
  if (!hook) return null;
  const answer = decision(
    await run(call, hook, "mfa-verification", {
      user_id: event.userId,
      factor_id: event.factorId,
      factor_type: event.factorType,
      valid: event.valid,
    }),
  );
  return answer.reject ? answer.message || "Further MFA verification attempts will be rejected." : null;
}
