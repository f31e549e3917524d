/** Plan stage entry point: ApiRequest + schema cache → Plan (read, mutation or call). */
import { PlanError } from "../errors";
import type { ApiRequest } from "../parse/ast";
import { tableKey, type SchemaCache, type Table } from "../schema/types";
import { planCall } from "./call";
import { planMutation } from "./mutate";
import { attachModifiers, buildNode, type PlanContext } from "./read";
import type { Plan } from "./types";

/** Edit distance, for PostgREST's "Perhaps you meant …" hints. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j] ?? 0;
      row[j] = Math.min(current + 1, (row[j - 1] ?? 0) + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = current;
    }
  }
  return row[b.length] ?? 0;
}

export function findTable(cache: SchemaCache, schema: string, name: string): Table {
  const table = cache.tables.get(tableKey(schema, name));
  if (table) return table;
  let best: Table | undefined;
  for (const candidate of cache.tables.values()) {
    if (candidate.schema !== schema) continue;
    const d = distance(candidate.name, name);
    if (d <= Math.max(2, Math.floor(name.length / 3)) && (!best || d < distance(best.name, name))) best = candidate;
  }
  throw new PlanError(
    404,
    "PGRST205",
    `Could not find the table '${schema}.${name}' in the schema cache`,
    null,
    best ? `Perhaps you meant the table '${best.schema}.${best.name}'` : null,
  );
}

export function planRequest(cache: SchemaCache, request: ApiRequest, maxRows: number): Plan {
  const ctx: PlanContext = { cache, schema: request.schema, aliases: 0 };
  const target = request.target;
  if (target.kind === "rpc") {
    if (request.method !== "GET" && request.method !== "HEAD" && request.method !== "POST") {
      throw new PlanError(405, "PGRST101", "Only GET, HEAD or POST requests are allowed for calling functions");
    }
    return planCall(ctx, request, target.name, maxRows);
  }
  if (target.kind !== "table") throw new PlanError(404, "PGRST125", "Invalid path specified in request URL");
  const table = findTable(cache, request.schema, target.name);
  if (request.method === "GET" || request.method === "HEAD") {
    const node = buildNode(
      ctx,
      { kind: "table", schema: table.schema, name: table.name },
      { name: table.name, embedFrom: table.name },
      table.columns,
      request.select,
    );
    attachModifiers(node, request, maxRows);
    return { kind: "read", node };
  }
  return planMutation(ctx, request, table);
}
