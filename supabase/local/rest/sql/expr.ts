/** Column expressions (JSON paths, casts) and WHERE conditions; all values become bind parameters. */
import type { OpExpr } from "../parse/ast";
import type { ColumnRef, PlannedCondition } from "../plan/types";
import { ident, qualified, type Params } from "./quote";

export function columnExpr(alias: string, ref: ColumnRef, params: Params): string {
  const computed = ref.computed;
  let sql = computed
    ? `${qualified(computed.schema, ref.column)}(${ident(alias)}::${qualified(computed.rowType.schema, computed.rowType.name)})`
    : `${ident(alias)}.${ident(ref.column)}`;
  for (const step of ref.json) {
    const key = /^-?\d{1,9}$/.test(step.key) ? `${params.add(Number(step.key))}::int` : `${params.add(step.key)}::text`;
    sql = `(${sql}${step.arrow}${key})`;
  }
  return sql;
}

const BINARY: Record<string, string> = {
  eq: "=",
  neq: "<>",
  gt: ">",
  gte: ">=",
  lt: "<",
  lte: "<=",
  like: "LIKE",
  ilike: "ILIKE",
  match: "~",
  imatch: "~*",
  isdistinct: "IS DISTINCT FROM",
  cs: "@>",
  cd: "<@",
  ov: "&&",
  sl: "<<",
  sr: ">>",
  // "not extending to the left of" is `&>`, "… to the right of" is `&<`.
  nxl: "&>",
  nxr: "&<",
  adj: "-|-",
};

const TS_QUERY: Record<string, string> = {
  fts: "to_tsquery",
  plfts: "plainto_tsquery",
  phfts: "phraseto_tsquery",
  wfts: "websearch_to_tsquery",
};

const IS_SQL: Record<string, string> = {
  null: "IS NULL",
  not_null: "IS NOT NULL",
  true: "IS TRUE",
  false: "IS FALSE",
  unknown: "IS UNKNOWN",
};

function operation(column: string, columnType: string, expr: OpExpr, params: Params): string {
  switch (expr.op) {
    case "in":
      return `${column} = ANY(${params.add(expr.values)})`;
    case "is":
      return `${column} ${IS_SQL[expr.value] ?? "IS NULL"}`;
    case "fts":
    case "plfts":
    case "phfts":
    case "wfts": {
      const config = expr.config === undefined ? "" : `${params.add(expr.config)}::regconfig, `;
      const vector = columnType === "tsvector" ? column : `to_tsvector(${config}${column})`;
      return `${vector} @@ ${TS_QUERY[expr.op]}(${config}${params.add(expr.value)})`;
    }
    default: {
      const op = BINARY[expr.op] ?? "=";
      // PostgREST's `*` wildcard for (i)like, so patterns survive URL encoding without `%`.
      const value = expr.op === "like" || expr.op === "ilike" ? expr.value.replace(/\*/g, "%") : expr.value;
      if (expr.quantifier) return `${column} ${op} ${expr.quantifier.toUpperCase()}(${params.add(value)})`;
      return `${column} ${op} ${params.add(value)}`;
    }
  }
}

/** `embedAlias` maps an embedded node's alias to the SQL name of its lateral join. */
export function conditionSql(alias: string, condition: PlannedCondition, params: Params): string {
  if (condition.kind === "logic") {
    const joiner = condition.op === "and" ? " AND " : " OR ";
    const inner = `(${condition.children.map((c) => conditionSql(alias, c, params)).join(joiner)})`;
    return condition.negate ? `NOT ${inner}` : inner;
  }
  if (condition.kind === "embedNull") return embedNullSql(condition);
  const sql = operation(columnExpr(alias, condition, params), condition.columnType, condition.expr, params);
  return condition.negate ? `NOT (${sql})` : sql;
}

export function lateralName(alias: string): string {
  return `pgrst_${alias}`;
}

/** The column of a to-many spread's lateral join that counts its related rows. */
export const SPREAD_ROWS = "pgrst_spread_rows";

/**
 * `rel=is.null`: no related row. An embed's lateral has a `body` that is null then; a to-one spread's
 * lateral row is itself null (left join); a to-many spread's lateral always has one row and counts.
 */
function embedNullSql(condition: PlannedCondition & { kind: "embedNull" }): string {
  const lateral = ident(lateralName(condition.embed.alias));
  if (!condition.spread) return `${lateral}.${ident("body")} ${condition.isNull ? "IS NULL" : "IS NOT NULL"}`;
  if (!condition.embed.join?.toOne) return `${lateral}.${ident(SPREAD_ROWS)} ${condition.isNull ? "= 0" : "> 0"}`;
  return `${lateral} IS ${condition.isNull ? "NOT " : ""}DISTINCT FROM NULL`;
}
