/** Plan stage entry point: ApiRequest + schema cache → Plan (read, mutation or call). */
import { PlanError } from "../errors";
import type { ApiRequest } from "../parse/ast";
import { tableKey, type SchemaCache, type Table } from "../schema/types";
import { planCall } from "./call";
import { closest } from "./fuzzy";
import { planMutation } from "./mutate";
import { attachModifiers, buildNode, type PlanContext } from "./read";
import type { Plan } from "./types";

/** PostgREST builds no fuzzy index (so gives no hint) for a schema of this many tables or more. */
const FUZZY_TABLES_LIMIT = 500;

export function findTable(cache: SchemaCache, schema: string, name: string): Table {
  const table = cache.tables.get(tableKey(schema, name));
  if (table) return table;
  const names = [...cache.tables.values()].filter((t) => t.schema === schema).map((t) => t.name);
  const best = names.length < FUZZY_TABLES_LIMIT ? closest(names, name, 0.75) : undefined;
  throw new PlanError(
    404,
    "PGRST205",
    `Could not find the table '${schema}.${name}' in the schema cache`,
    null,
    best === undefined ? null : `Perhaps you meant the table '${schema}.${best}'`,
  );
}

/** `maxRows`: db-max-rows, null when reads are uncapped. */
export function planRequest(cache: SchemaCache, request: ApiRequest, maxRows: number | null): Plan {
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
