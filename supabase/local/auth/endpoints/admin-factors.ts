/**
 * The admin factor API (GoTrue admin.go): GET /admin/users/{id}/factors lists every factor of the
 * user, DELETE /admin/users/{id}/factors/{factor_id} removes one (its sessions drop to aal1) and PUT
 * renames it. Each answers with factor JSON; the caller must carry a service_role JWT.
 */
import { withTx, type Db } from "../db.ts";
import { notFound } from "../errors.ts";
import { readJsonBody, sendJson, str } from "../http.ts";
import { deleteFactor, factorJson, factorsOfUsers } from "../mfa/factors-repo.ts";
import { isUuid, requireAdmin } from "../request-auth.ts";
import type { Call } from "../runtime.ts";
import { findUserById } from "../users-repo.ts";
import { ownedFactor } from "./factors.ts";

async function loadUserId(db: Db, userId: string): Promise<string> {
  if (!isUuid(userId)) throw notFound("validation_failed", "user_id must be an UUID");
  const user = await findUserById(db, userId);
  if (!user) throw notFound("user_not_found", "User not found");
  return user.id;
}

export async function listUserFactors(call: Call, userId: string): Promise<void> {
  await requireAdmin(call);
  const factors = await withTx(call.rt.pool, async (db) => factorsOfUsers(db, [await loadUserId(db, userId)]));
  sendJson(call.res, 200, factors.map(factorJson));
}

export async function deleteUserFactor(call: Call, userId: string, factorId: string): Promise<void> {
  await requireAdmin(call);
  const factor = await withTx(call.rt.pool, async (db) => {
    const found = await ownedFactor(db, await loadUserId(db, userId), factorId);
    await deleteFactor(db, found);
    return found;
  });
  sendJson(call.res, 200, factorJson(factor));
}

export async function updateUserFactor(call: Call, userId: string, factorId: string): Promise<void> {
  await requireAdmin(call);
  const body = await readJsonBody(call.req);
  const friendlyName = str(body, "friendly_name");
  const factor = await withTx(call.rt.pool, async (db) => {
    const found = await ownedFactor(db, await loadUserId(db, userId), factorId);
    if (friendlyName === "") return found;
    await db.query(`update auth.mfa_factors set friendly_name = $2, updated_at = now() where id = $1`, [
      found.id,
      friendlyName,
    ]);
    return ownedFactor(db, found.user_id, found.id);
  });
  sendJson(call.res, 200, factorJson(factor));
}
