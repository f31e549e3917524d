/**
 * SQL stage entry point (pure): Plan → one statement. Row-shaped statements answer one row
 * (total, page, body, location) with the body already JSON text made by Postgres.
 */
import type { CallPlan, MutatePlan, Plan, ReadNode } from "../plan/types";
import { INSERTED_SQL, mutationSql, returningList } from "./mutate";
import { Params, ident } from "./quote";
import { rowsBodySql as bodySql, scalarBodySql, type BodyOptions } from "./body";
import { plannedCount } from "./explain";
import { assemble, callSql, countSql, selectParts, whereSql, type SelectParts } from "./read";

export interface Statement {
  text: string;
  params: unknown[];
  /**
   * rows: one result row of (total, page, body, location); command: use the command's row count;
   * plan: EXPLAIN output, the body.
   */
  shape: "rows" | "command" | "plan";
  /** The body is one object, not an array (function returning a single composite). */
  singleObject?: boolean;
  /** Which parameter carries the JSON body (mutations). */
  bodyIndex?: number;
  /** `count=planned|estimated` of a read: the EXPLAIN whose row estimate is the planned count. */
  countPlan?: { text: string; params: unknown[] };
  /** `count=estimated`: an exact count above this is replaced by the larger of it and the planned one. */
  estimateAbove?: number;
}

export interface BuildOptions extends BodyOptions {
  /** `Prefer: count=…`: exact counts; planned asks the planner (`countPlan`); estimated counts up to `maxRows` + 1. */
  count?: "exact" | "planned" | "estimated";
  /** db-max-rows; null when reads are uncapped. */
  maxRows?: number | null;
  head: boolean;
}

/** Mutations and calls count exactly for `estimated` and not at all for `planned`, as PostgREST. */
function exactOnly(opts: BuildOptions): BuildOptions {
  const { count, ...rest } = opts;
  return count === "exact" || count === "estimated" ? { ...rest, count: "exact" } : rest;
}

const CTE = "pgrst_mut";

function readStatement(node: ReadNode, params: Params, opts: BuildOptions, prefix = ""): string {
  const parts = selectParts(node, params, CTE);
  const total = totalSql(parts, opts);
  const body = opts.head ? "NULL::text" : bodySql(opts);
  return `${prefix}WITH "pgrst_source" AS (${assemble(parts)}) SELECT ${total} AS total, pg_catalog.count("pgrst_t")::int AS page, ${body} AS body, NULL::text AS location FROM "pgrst_source" AS "pgrst_t"`;
}

function totalSql(parts: SelectParts, opts: BuildOptions): string {
  if (opts.count === "exact") return `${countSql(parts)}::text`;
  if (opts.count !== "estimated" || opts.maxRows === undefined) return "NULL::text";
  // Uncapped, an estimated count starts from the exact one, as PostgREST's.
  if (opts.maxRows === null) return `${countSql(parts)}::text`;
  // PostgREST counts one row past db-max-rows to know it was passed.
  const limited = `SELECT 1 FROM ${parts.from}${whereSql(parts.where)} LIMIT ${opts.maxRows + 1}`;
  return `(SELECT pg_catalog.count(*) FROM (${limited}) AS "pgrst_counted")::text`;
}

function mutationStatement(plan: MutatePlan, params: Params, opts: BuildOptions): Statement {
  // An upsert answers 200 when it only updated; the count is read after every row was written (the
  // aggregate's output is computed last).
  const upsert = plan.kind === "insert" && plan.onConflict?.action === "merge";
  const inserted = upsert ? `${INSERTED_SQL}::int` : "NULL::int";
  if (plan.returning) {
    const returning = returningList(plan.returning, plan.table.name);
    const mutation = mutationSql(plan, params, returning);
    const parts = selectParts(plan.returning, params, CTE);
    const total = opts.count ? `(SELECT pg_catalog.count(*) FROM ${ident(CTE)})::text` : "NULL::text";
    const text = `WITH ${ident(CTE)} AS (${mutation}), "pgrst_source" AS (${assemble(parts)}) SELECT ${total} AS total, pg_catalog.count("pgrst_t")::int AS page, ${bodySql(opts)} AS body, NULL::text AS location, ${inserted} AS inserted FROM "pgrst_source" AS "pgrst_t"`;
    return { text, params: params.values, shape: "rows" };
  }
  if (plan.locationKey || upsert) {
    // `RETURNING 1` reads no column, so it needs no SELECT policy either (as PostgREST's).
    const mutation = mutationSql(plan, params, plan.locationKey?.map(ident).join(", ") ?? "1");
    // Location names a row only when the write made exactly one (PostgREST's rule).
    const location = plan.locationKey
      ? `CASE WHEN pg_catalog.count(*) = 1 THEN (json_agg(${ident(CTE)}) -> 0)::text END`
      : "NULL::text";
    const total = opts.count ? "pg_catalog.count(*)::text" : "NULL::text";
    const text = `WITH ${ident(CTE)} AS (${mutation}) SELECT ${total} AS total, pg_catalog.count(*)::int AS page, NULL::text AS body, ${location} AS location, ${inserted} AS inserted FROM ${ident(CTE)}`;
    return { text, params: params.values, shape: "rows" };
  }
  // return=minimal: no RETURNING, so a table writable but not readable by the role still accepts writes.
  return { text: mutationSql(plan, params, null), params: params.values, shape: "command" };
}

function callStatement(plan: CallPlan, params: Params, opts: BuildOptions): Statement {
  const { fn } = plan.call;
  if (plan.node) {
    return {
      text: readStatement(plan.node, params, opts),
      params: params.values,
      shape: "rows",
      singleObject: !fn.returnsSet,
    };
  }
  const call = callSql(plan.call, params);
  if (fn.returns === "void") {
    return {
      text: `SELECT NULL::text AS total, 0 AS page, NULL::text AS body, NULL::text AS location FROM ${call} AS "pgrst_call"`,
      params: params.values,
      shape: "rows",
    };
  }
  if (!fn.returnsSet) {
    return {
      // A scalar result is one row: its exact count is 1 (Content-Range 0-0/1).
      text: `SELECT ${opts.count ? "'1'" : "NULL"}::text AS total, 1 AS page, ${scalarBodySql(`"pgrst_call"."v"`, false, opts)} AS body, NULL::text AS location FROM ${call} AS "pgrst_call"("v")`,
      params: params.values,
      shape: "rows",
    };
  }
  const limit = plan.limit !== undefined ? ` LIMIT ${params.add(plan.limit)}` : "";
  const offset = plan.offset ? ` OFFSET ${params.add(plan.offset)}` : "";
  const total = opts.count ? `(SELECT pg_catalog.count(*) FROM ${call} AS "pgrst_all")::text` : "NULL::text";
  const text = `WITH "pgrst_source" AS (SELECT "pgrst_call"."v" FROM ${call} AS "pgrst_call"("v")${limit}${offset}) SELECT ${total} AS total, pg_catalog.count(*)::int AS page, ${scalarBodySql(`"pgrst_t"."v"`, true, opts)} AS body, NULL::text AS location FROM "pgrst_source" AS "pgrst_t"`;
  return { text, params: params.values, shape: "rows" };
}

export function buildStatement(plan: Plan, opts: BuildOptions): Statement {
  const params = new Params();
  if (plan.kind === "read") {
    const text = readStatement(plan.node, params, opts);
    const statement: Statement = { text, params: params.values, shape: "rows" };
    if (opts.count === "planned" || opts.count === "estimated") statement.countPlan = plannedCount(plan.node);
    // Uncapped, PostgREST takes the larger of the exact count and the estimate whatever the count.
    if (opts.count === "estimated" && opts.maxRows !== undefined) statement.estimateAbove = opts.maxRows ?? -1;
    return statement;
  }
  if (plan.kind === "call") return callStatement(plan, params, exactOnly(opts));
  const statement = mutationStatement(plan, params, exactOnly(opts));
  return params.bodyIndex === undefined ? statement : { ...statement, bodyIndex: params.bodyIndex };
}
