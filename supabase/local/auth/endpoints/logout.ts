/**
 * POST /logout?scope=global|local|others (GoTrue logout.go): ends sessions (refresh
 * tokens cascade) and answers 204. Access tokens already issued stay valid for REST until they expire.
 */
import { withTx } from "../db.ts";
import { validationFailed } from "../errors.ts";
import { sendEmpty } from "../http.ts";
import { loadCaller, requireClaims } from "../request-auth.ts";
import type { Call } from "../runtime.ts";

export async function logout(call: Call): Promise<void> {
  const claims = await requireClaims(call);
  await withTx(call.rt.pool, async (db) => {
    const { user, sessionId } = await loadCaller(db, claims);
    const scope = call.ctx.query.get("scope") ?? "";
    if (!["", "global", "local", "others"].includes(scope)) {
      throw validationFailed(`Unsupported logout scope ${JSON.stringify(scope)}`);
    }
    if (scope === "local" && sessionId) {
      await db.query(`delete from auth.sessions where id = $1`, [sessionId]);
    } else if (scope === "others" && sessionId) {
      await db.query(`delete from auth.sessions where user_id = $1 and id <> $2`, [user.id, sessionId]);
    } else {
      await db.query(`delete from auth.sessions where user_id = $1`, [user.id]);
    }
  });
  sendEmpty(call.res, 204);
}
