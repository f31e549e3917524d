/**
 * SELECT text for a planned read node: columns, embeds as LEFT JOIN LATERAL subqueries whose rows
 * Postgres turns into JSON (row_to_json / json_agg), filters, order and paging.
 */
import type { CallSpec, ReadNode } from "../plan/types";
import { columnExpr, conditionSql, lateralName } from "./expr";
import { ident, qualified, typeName, type Params } from "./quote";

export interface SelectParts {
  columns: string;
  from: string;
  where: string[];
  tail: string;
}

export function sourceSql(node: ReadNode, params: Params, mutationCte: string, parentAlias?: string): string {
  const source = node.source;
  if (source.kind === "table") return qualified(source.schema, source.name);
  if (source.kind === "mutation") return ident(mutationCte);
  if (source.kind === "rowCall") {
    // The parent's row, cast to the argument's type (a mutation's rows or a call's are records).
    const row = `${ident(parentAlias ?? "")}::${qualified(source.argType.schema, source.argType.name)}`;
    return `${qualified(source.fn.schema, source.fn.name)}(${row})`;
  }
  return callSql(source.call, params);
}

/** `schema.fn(arg := $n::type, …)`; types are catalog text. A JSON object for a row-type argument is read as that row. */
export function callSql(call: CallSpec, params: Params): string {
  const args = call.args.map((a) => {
    const value = params.add(argValue(a.type, a.value));
    if (call.positional) return `${value}::${a.type}`;
    const row = isPlainObject(a.value) && a.type !== "json" && a.type !== "jsonb";
    return `${ident(a.name)} := ${row ? `json_populate_record(NULL::${a.type}, ${value}::json)` : `${value}::${a.type}`}`;
  });
  return `${qualified(call.fn.schema, call.fn.name)}(${args.join(", ")})`;
}

function isPlainObject(value: unknown): boolean {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** JSON argument → text Postgres can read as the declared type (node-pg turns JS arrays into array literals). */
export function argValue(type: string, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (type === "json" || type === "jsonb") return JSON.stringify(value);
  if (Array.isArray(value)) return value.map((v) => (typeof v === "object" && v !== null ? JSON.stringify(v) : v));
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

export function selectParts(node: ReadNode, params: Params, mutationCte: string, parentAlias?: string): SelectParts {
  const alias = ident(node.alias);
  const columns: string[] = [];
  const joins: string[] = [];
  const where: string[] = [];
  for (const item of node.items) {
    if (item.kind === "star")
      columns.push(
        node.source.kind === "mutation"
          ? [...node.columns.keys()].map((c) => `${alias}.${ident(c)}`).join(", ")
          : `${alias}.*`,
      );
    else if (item.kind === "count") {
      const expr = "pg_catalog.count(*)";
      columns.push(`${item.cast ? `CAST(${expr} AS ${typeName(item.cast)})` : expr} AS ${ident(item.outName)}`);
    } else if (item.kind === "column") {
      const expr = columnExpr(node.alias, item, params);
      columns.push(`${item.cast ? `CAST(${expr} AS ${typeName(item.cast)})` : expr} AS ${ident(item.outName)}`);
    } else {
      const child = item.node;
      const lateral = ident(lateralName(child.alias));
      const inner = childSelect(child, params, mutationCte, node.alias);
      if (item.spread) {
        joins.push(`LEFT JOIN LATERAL (${inner}) AS ${lateral} ON TRUE`);
        columns.push(`${lateral}.*`);
        continue;
      }
      const agg = child.join?.toOne ? `row_to_json("pgrst_row")` : `json_agg("pgrst_row")`;
      joins.push(`LEFT JOIN LATERAL (SELECT ${agg} AS "body" FROM (${inner}) AS "pgrst_row") AS ${lateral} ON TRUE`);
      if (child.items.length > 0) {
        const body = `${lateral}."body"`;
        columns.push(`${child.join?.toOne ? body : `COALESCE(${body}, '[]')`} AS ${ident(item.outName)}`);
      }
      if (child.join?.inner) where.push(`${lateral}."body" IS NOT NULL`);
    }
  }
  if (node.join && parentAlias !== undefined) {
    for (const pair of node.join.on)
      where.push(`${alias}.${ident(pair.child)} = ${ident(parentAlias)}.${ident(pair.parent)}`);
    const junction = node.join.junction;
    if (junction && node.source.kind === "table") {
      const through = ident(`${node.alias}_junction`);
      const on = junction.toTarget.map((p) => `${through}.${ident(p.junction)} = ${alias}.${ident(p.child)}`);
      joins.unshift(`JOIN ${qualified(node.source.schema, junction.table)} AS ${through} ON ${on.join(" AND ")}`);
      for (const p of junction.toParent)
        where.push(`${through}.${ident(p.junction)} = ${ident(parentAlias)}.${ident(p.parent)}`);
    }
  }
  for (const condition of node.where) where.push(conditionSql(node.alias, condition, params));
  const from = [`${sourceSql(node, params, mutationCte, parentAlias)} AS ${alias}`, ...joins].join(" ");
  return { columns: columns.join(", "), from, where, tail: tailSql(node, params) };
}

function tailSql(node: ReadNode, params: Params): string {
  const parts: string[] = [];
  if (node.order.length > 0) {
    const terms = node.order.map((o) => {
      const direction = o.direction ? ` ${o.direction.toUpperCase()}` : "";
      const nulls = o.nulls ? ` NULLS ${o.nulls.toUpperCase()}` : "";
      return `${columnExpr(node.alias, o, params)}${direction}${nulls}`;
    });
    parts.push(`ORDER BY ${terms.join(", ")}`);
  }
  if (node.limit !== undefined) parts.push(`LIMIT ${params.add(node.limit)}`);
  if (node.offset !== undefined && node.offset > 0) parts.push(`OFFSET ${params.add(node.offset)}`);
  return parts.join(" ");
}

export function whereSql(where: string[]): string {
  return where.length > 0 ? ` WHERE ${where.join(" AND ")}` : "";
}

function childSelect(node: ReadNode, params: Params, mutationCte: string, parentAlias: string): string {
  const parts = selectParts(node, params, mutationCte, parentAlias);
  return `SELECT ${parts.columns} FROM ${parts.from}${whereSql(parts.where)}${parts.tail ? ` ${parts.tail}` : ""}`;
}

export function assemble(parts: SelectParts): string {
  return `SELECT ${parts.columns} FROM ${parts.from}${whereSql(parts.where)}${parts.tail ? ` ${parts.tail}` : ""}`;
}

/** `count(*)` over the same rows without order and paging (for `Prefer: count=…`). */
export function countSql(parts: SelectParts): string {
  return `(SELECT pg_catalog.count(*) FROM ${parts.from}${whereSql(parts.where)})`;
}
