/**
 * PUT, PostgREST's single-row upsert: the filters name the row by its whole primary key (`eq` on each
 * key column, nothing else: else 405 PGRST105), no limit or offset (400 PGRST114); the body's row is
 * inserted only where it matches those filters, and on a key conflict it replaces the row. A write
 * that did not make exactly one row is rolled back with 400 PGRST115 (`tx-end.ts`).
 */
import { ApiError } from "../errors";
import type { ApiRequest } from "../parse/ast";
import type { Table } from "../schema/types";
import type { MutatePlan } from "./types";

export function singleUpsert(plan: MutatePlan, request: ApiRequest, table: Table): void {
  const root = request.limits.find((l) => l.path.length === 0)?.value;
  if (root?.limit !== undefined || (root?.offset ?? 0) > 0) {
    throw new ApiError(400, "PGRST114", "limit/offset querystring parameters are not allowed for PUT");
  }
  const filtered = new Set<string>();
  const byKey = plan.where.every((c) => {
    if (c.kind !== "filter" || c.negate || c.json.length > 0 || c.computed) return false;
    if (c.expr.op !== "eq" || c.expr.quantifier !== undefined) return false;
    filtered.add(c.column);
    return true;
  });
  const pk = new Set(table.pk);
  if (!byKey || pk.size === 0 || filtered.size !== pk.size || [...pk].some((c) => !filtered.has(c))) {
    throw new ApiError(405, "PGRST105", "Filters must include all and only primary key columns with 'eq' operators");
  }
  plan.put = plan.where;
  plan.where = [];
  plan.missingDefault = false;
  plan.onConflict = { columns: table.pk, action: "merge" };
}
