/** Plans insert / upsert / update / delete: target columns from the body or `columns=`, and the returned rows. */
import { ParseError, PlanError } from "../errors";
import type { ApiRequest } from "../parse/ast";
import type { Table } from "../schema/types";
import { attachModifiers, buildNode, nodeAt, planCondition, type PlanContext } from "./read";
import { singleUpsert } from "./put";
import type { MutatePlan } from "./types";

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function unknownBodyColumn(table: Table, column: string): PlanError {
  return new PlanError(400, "PGRST204", `Could not find the '${column}' column of '${table.name}' in the schema cache`);
}

function bodyColumns(request: ApiRequest, table: Table, rows: Record<string, unknown>[]): string[] {
  let columns = request.columns;
  if (!columns) {
    const first = Object.keys(rows[0] ?? {});
    for (const row of rows) {
      const keys = Object.keys(row);
      if (keys.length !== first.length || keys.some((k) => !first.includes(k))) {
        throw new ParseError(400, "PGRST102", "All object keys must match");
      }
    }
    columns = first;
  }
  for (const column of columns) if (!table.columns.has(column)) throw unknownBodyColumn(table, column);
  return columns;
}

function bodyRows(request: ApiRequest): Record<string, unknown>[] {
  const body = request.body;
  if (request.method === "PATCH") {
    if (!isRecord(body)) throw new ParseError(400, "PGRST102", "Empty or invalid json", "PATCH expects a JSON object");
    return [body];
  }
  const rows = Array.isArray(body) ? body : [body];
  if (!rows.every(isRecord))
    throw new ParseError(400, "PGRST102", "Empty or invalid json", "Expected a JSON object or an array of objects");
  return rows;
}

export function planMutation(ctx: PlanContext, request: ApiRequest, table: Table): MutatePlan {
  const insert = request.method === "POST" || request.method === "PUT";
  const kind = insert ? "insert" : request.method === "PATCH" ? "update" : "delete";
  const plan: MutatePlan = {
    kind,
    table,
    columns: [],
    body: null,
    where: [],
    order: [],
    missingDefault: request.prefer.missing === "default",
  };
  if (kind !== "delete") {
    const rows = bodyRows(request);
    plan.columns = bodyColumns(request, table, rows);
    plan.body = kind === "insert" ? rows : rows[0];
  }
  const source = { kind: "mutation" as const };
  const node = buildNode(ctx, source, { name: table.name, embedFrom: table.name }, table.columns, request.select);
  const rootConditions = request.conditions.filter((c) => c.path.length === 0);
  // Root filters narrow the mutation itself; filters on embeds shape the returned rows.
  attachModifiers(node, { ...request, conditions: request.conditions.filter((c) => c.path.length > 0) }, null);
  plan.where = rootConditions.map((c) => planCondition(nodeAt(node, []), c.value));
  if (kind !== "insert") {
    if (node.limit !== undefined) plan.limit = node.limit;
    // The order picks the rows a limit changes (by the table's own columns: the embeds are not joined
    // there) and, as on PostgREST, orders the rows returned.
    plan.order = node.order.filter((o) => !o.embed);
    delete node.limit;
  }
  if (kind !== "insert" && plan.where.length === 0) {
    const verb = kind === "update" ? "UPDATE" : "DELETE";
    throw new PlanError(400, "21000", `${verb} requires a WHERE clause`, null, null);
  }
  if (kind === "insert" && request.prefer.resolution) {
    const columns = request.onConflict ?? table.pk;
    for (const column of columns) if (!table.columns.has(column)) throw unknownBodyColumn(table, column);
    if (columns.length > 0)
      plan.onConflict = { columns, action: request.prefer.resolution === "merge-duplicates" ? "merge" : "ignore" };
  }
  if (request.method === "PUT") singleUpsert(plan, request, table);
  if (request.prefer.return === "representation") plan.returning = node;
  if (request.prefer.return === "headers-only" && request.method === "POST" && table.pk.length > 0)
    plan.locationKey = table.pk;
  return plan;
}
