/**
 * Admin user management under /admin/users (GoTrue admin.go): create, list (with
 * X-Total-Count and Link), get, update, delete. The caller must carry a service_role JWT.
 */
import { parseDurationSeconds } from "../../duration.ts";
import { confirmUser, createEmailIdentity, insertUserRow, logDbError } from "../create-user.ts";
import { withTx, type Db } from "../db.ts";
import { AuthError, notFound, unprocessable, validationFailed, internalError, badRequest } from "../errors.ts";
import { hashPassword, isBcryptHash } from "../hashing.ts";
import { bool, obj, readJsonBody, sendJson, str, type JsonBody } from "../http.ts";
import { checkPasswordStrength } from "../password-policy.ts";
import { isUuid, requireAdmin } from "../request-auth.ts";
import { requestAud, type Call } from "../runtime.ts";
import { userJson } from "../serialize.ts";
import {
  emailTaken,
  findUserById,
  mergeMetadata,
  updateIdentityData,
  updateUserColumns,
  type UserWithIdentities,
} from "../users-repo.ts";
import { changePassword } from "./user.ts";
import { validateEmail } from "./common.ts";
import { randomBytes } from "node:crypto";
import { listUsers } from "./admin-list.ts";

/** Go's time.ParseDuration subset GoTrue accepts for ban_duration; "none" lifts a ban. */
function banSeconds(value: string): number | null {
  if (value === "") return null;
  if (value === "none") return 0;
  try {
    return parseDurationSeconds(value);
  } catch {
    throw validationFailed(`invalid format for ban duration: time: invalid duration ${JSON.stringify(value)}`);
  }
}

async function applyBan(db: Db, userId: string, seconds: number | null): Promise<void> {
  if (seconds === null) return;
  await db.query(
    `update auth.users set banned_until = case when $2::float8 = 0 then null else now() + make_interval(secs => $2::float8) end,
       updated_at = now() where id = $1`,
    [userId, seconds],
  );
}

function optionalPassword(body: JsonBody): string | null {
  return body.password === undefined || body.password === null ? null : str(body, "password");
}

export async function createUser(call: Call): Promise<void> {
  await requireAdmin(call);
  const body = await readJsonBody(call.req);
  const aud = str(body, "aud") || requestAud(call);
  const emailParam = str(body, "email");
  const phone = str(body, "phone");
  if (emailParam === "" && phone === "")
    throw validationFailed("Cannot create a user without either an email or phone");
  if (phone !== "") throw badRequest("phone_provider_disabled", "Phone logins are disabled");
  const email = validateEmail(emailParam);
  let password = optionalPassword(body);
  const passwordHash = str(body, "password_hash");
  if (password !== null && passwordHash !== "") {
    throw validationFailed("Only a password or a password hash should be provided");
  }
  // GoTrue answers a malformed hash with a 500; bad input gets a 4xx here.
  if (passwordHash !== "" && !isBcryptHash(passwordHash)) throw validationFailed("Invalid password hash format");
  if ((password === null || password === "") && passwordHash === "") password = randomBytes(48).toString("base64url");
  if (password !== null && Buffer.byteLength(password) > 72)
    throw validationFailed("bcrypt: password length exceeds 72 bytes");
  const id = str(body, "id");
  if (id !== "" && !isUuid(id)) throw validationFailed("ID must conform to the uuid v4 format");
  if (id === "00000000-0000-0000-0000-000000000000") throw validationFailed("ID cannot be a nil uuid");
  const ban = banSeconds(str(body, "ban_duration"));
  const userMetadata = obj(body, "user_metadata") ?? {};
  const appMetadata = obj(body, "app_metadata");
  const role = str(body, "role") || "authenticated";
  const emailConfirm = bool(body, "email_confirm");
  const encrypted = passwordHash !== "" ? passwordHash : await hashPassword(password ?? "");

  const created = await withTx(call.rt.pool, async (db) => {
    if (await emailTaken(db, email, null)) {
      throw unprocessable("email_exists", "A user with this email address has already been registered");
    }
    try {
      const userId = await insertUserRow(
        db,
        {
          ...(id ? { id } : {}),
          aud,
          email,
          encryptedPassword: encrypted,
          userMetadata,
          appMetadata: { provider: "email", providers: ["email"] },
        },
        "Database error creating new user",
      );
      await createEmailIdentity(db, userId, email, {}, false);
      if (role !== "authenticated") await updateUserColumns(db, userId, { role });
      if (appMetadata) {
        const merged = mergeMetadata({ provider: "email", providers: ["email"] }, appMetadata);
        await updateUserColumns(db, userId, { raw_app_meta_data: JSON.stringify(merged) });
      }
      if (emailConfirm) await confirmUser(db, userId, false);
      await applyBan(db, userId, ban);
      return await findUserById(db, userId);
    } catch (error) {
      if (error instanceof AuthError && error.status < 500) throw error;
      if (!(error instanceof AuthError)) logDbError("Database error creating new user", error);
      throw internalError("Database error creating new user", error instanceof AuthError ? error.internal : error);
    }
  });
  if (!created) throw internalError("Database error creating new user");
  sendJson(call.res, 200, userJson(created));
}

async function loadTarget(db: Db, userId: string): Promise<UserWithIdentities> {
  if (!isUuid(userId)) throw notFound("validation_failed", "user_id must be an UUID");
  const user = await findUserById(db, userId);
  if (!user) throw notFound("user_not_found", "User not found");
  return user;
}

export async function getUserById(call: Call, userId: string): Promise<void> {
  await requireAdmin(call);
  const user = await withTx(call.rt.pool, (db) => loadTarget(db, userId));
  sendJson(call.res, 200, userJson(user));
}

export async function updateUserById(call: Call, userId: string): Promise<void> {
  await requireAdmin(call);
  const user0 = await withTx(call.rt.pool, (db) => loadTarget(db, userId));
  const body = await readJsonBody(call.req);
  const emailParam = str(body, "email");
  const email = emailParam !== "" ? validateEmail(emailParam) : "";
  const ban = banSeconds(str(body, "ban_duration"));
  const password = optionalPassword(body);
  if (password !== null) {
    const weak = checkPasswordStrength(password, call.rt.settings.password);
    if (weak) throw weak;
  }
  const hash = password !== null ? await hashPassword(password) : null;
  const role = str(body, "role");
  const emailConfirm = bool(body, "email_confirm");
  const appMetadata = obj(body, "app_metadata");
  const userMetadata = obj(body, "user_metadata");

  const updated = await withTx(call.rt.pool, async (db) => {
    try {
      if (role !== "") await updateUserColumns(db, user0.id, { role });
      if (emailConfirm) await confirmUser(db, user0.id, false);
      if (hash !== null) await changePassword(db, user0.id, hash, null);
      if (email !== "") {
        if (email !== user0.email && (await emailTaken(db, email, user0.id))) {
          throw unprocessable("email_exists", "A user with this email address has already been registered");
        }
        if (user0.identities.some((i) => i.provider === "email")) {
          await updateIdentityData(db, user0.id, "email", { email, email_verified: emailConfirm });
        } else {
          await createEmailIdentity(db, user0.id, email, { email_verified: emailConfirm }, false);
        }
        await updateUserColumns(db, user0.id, { email });
      }
      const current = await loadTarget(db, user0.id);
      if (appMetadata)
        await updateUserColumns(db, user0.id, {
          raw_app_meta_data: JSON.stringify(mergeMetadata(current.raw_app_meta_data ?? {}, appMetadata)),
        });
      if (userMetadata)
        await updateUserColumns(db, user0.id, {
          raw_user_meta_data: JSON.stringify(mergeMetadata(current.raw_user_meta_data ?? {}, userMetadata)),
        });
      await applyBan(db, user0.id, ban);
      return await loadTarget(db, user0.id);
    } catch (error) {
      if (error instanceof AuthError && error.status < 500) throw error;
      logDbError("Error updating user", error);
      throw internalError("Error updating user", error);
    }
  });
  sendJson(call.res, 200, userJson(updated));
}

export async function deleteUserById(call: Call, userId: string): Promise<void> {
  await requireAdmin(call);
  const body = await readJsonBody(call.req).catch((error: unknown) => {
    // GoTrue only parses a non-empty body; an empty one means a hard delete.
    if (
      error instanceof AuthError &&
      error.code === "bad_json" &&
      error.message.endsWith("unexpected end of JSON input")
    )
      return {};
    throw error;
  });
  const soft = bool(body, "should_soft_delete");
  await withTx(call.rt.pool, async (db) => {
    const user = await loadTarget(db, userId);
    try {
      if (soft) {
        if (user.deleted_at) return;
        await updateUserColumns(db, user.id, { deleted_at: new Date().toISOString() });
        await db.query(`delete from auth.sessions where user_id = $1`, [user.id]);
      } else {
        await db.query(`delete from auth.users where id = $1`, [user.id]);
      }
    } catch (error) {
      logDbError("Database error deleting user", error);
      throw internalError("Database error deleting user", error);
    }
  });
  sendJson(call.res, 200, {});
}

export { listUsers };
