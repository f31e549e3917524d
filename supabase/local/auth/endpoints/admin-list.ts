/**
 * GET /admin/users?page=&per_page= (GoTrue adminUsers + addPaginationHeaders): newest first, with
 * `X-Total-Count` and a `Link` header whose URLs are relative to the Auth service (`/admin/users?…`).
 */
import { withTx } from "../db.ts";
import { validationFailed } from "../errors.ts";
import { sendJson } from "../http.ts";
import { requireAdmin } from "../request-auth.ts";
import { requestAud, type Call } from "../runtime.ts";
import { goValuesEncode } from "../redirect-url.ts";
import { factorsOfUsers } from "../mfa/factors-repo.ts";
import { userJson } from "../serialize.ts";
import { NIL_UUID, type IdentityRow, type UserRow } from "../users-repo.ts";

function parsePositive(raw: string | null, fallback: number, name: string): number {
  if (raw === null || raw === "") return fallback;
  if (!/^\d+$/.test(raw))
    throw validationFailed(
      `Bad Pagination Parameters: strconv.ParseUint: parsing ${JSON.stringify(raw)}: invalid syntax`,
    );
  const value = Number(raw);
  if (name === "per_page" && value === 0) return fallback;
  return value;
}

/** The Link header GoTrue builds from the request URL with page replaced. */
export function paginationLink(
  path: string,
  query: URLSearchParams,
  page: number,
  perPage: number,
  total: number,
): string {
  const totalPages = Math.ceil(total / perPage);
  const params: Record<string, string> = {};
  for (const [k, v] of query) if (!(k in params)) params[k] = v;
  let header = "";
  if (totalPages > page) header += `<${path}?${goValuesEncode({ ...params, page: String(page + 1) })}>; rel="next", `;
  header += `<${path}?${goValuesEncode({ ...params, page: String(totalPages) })}>; rel="last"`;
  return header;
}

export async function listUsers(call: Call): Promise<void> {
  await requireAdmin(call);
  const page = Math.max(1, parsePositive(call.ctx.query.get("page"), 1, "page"));
  const perPage = parsePositive(call.ctx.query.get("per_page"), 50, "per_page");
  const aud = requestAud(call);
  const { users, total } = await withTx(call.rt.pool, async (db) => {
    const [count] = await db.query<{ n: string }>(
      `select count(*)::text as n from auth.users where instance_id = $1 and aud = $2`,
      [NIL_UUID, aud],
    );
    const rows = await db.query<UserRow>(
      `select * from auth.users where instance_id = $1 and aud = $2 order by created_at desc, id limit $3 offset $4`,
      [NIL_UUID, aud, perPage, (page - 1) * perPage],
    );
    const identities = rows.length
      ? await db.query<IdentityRow>(
          `select id, provider_id, user_id, identity_data, provider, last_sign_in_at, created_at, updated_at, email
             from auth.identities where user_id = any($1::uuid[]) order by created_at, id`,
          [rows.map((r) => r.id)],
        )
      : [];
    const factors = await factorsOfUsers(
      db,
      rows.map((r) => r.id),
    );
    return {
      total: Number(count?.n ?? 0),
      users: rows.map((row) => ({
        ...row,
        identities: identities.filter((i) => i.user_id === row.id),
        factors: factors.filter((f) => f.user_id === row.id),
      })),
    };
  });
  sendJson(
    call.res,
    200,
    { users: users.map(userJson), aud },
    {
      "X-Total-Count": String(total),
      Link: paginationLink(call.ctx.path, call.ctx.query, page, perPage, total),
    },
  );
}
