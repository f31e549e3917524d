/**
 * SELECT text for a planned read node: columns, embeds as LEFT JOIN LATERAL subqueries whose rows
 * Postgres turns into JSON (row_to_json / json_agg), filters, order and paging.
 */
import type { CallSpec, ReadNode } from "../plan/types";
import { columnExpr, conditionSql, lateralName, SPREAD_ROWS } from "./expr";
import { isAggregate } from "../plan/aggregate";
import { aggregateSql, castSql, hoistedName, hoists, spreadColumns, spreadOutputs } from "./group";
import { embedOrderColumns, orderBySql } from "./order";
import { ident, qualified, type Params } from "./quote";

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

/**
 * `schema.fn(arg := …)`; types are catalog text. Query and form values are bind parameters cast to
 * the argument's type; a JSON body is one parameter that Postgres reads each argument from, typed by
 * `json_to_record` (arrays, composites and numbers as PostgREST reads them). A variadic argument is
 * passed its array with `VARIADIC` (named notation needs it).
 */
export function callSql(call: CallSpec, params: Params): string {
  const fn = qualified(call.fn.schema, call.fn.name);
  const [only] = call.args;
  if (call.positional && only) return `${fn}(${params.add(only.value)}::${only.type})`;
  const body = call.json && { ...call.json, param: params.add(call.json.text) };
  const args = call.args.map((a) => {
    const value = body
      ? bodyField(body.param, body.set, a.name, a.type)
      : `${params.add(a.value ?? null)}::${wideType(a.type)}`;
    return `${a.variadic ? "VARIADIC " : ""}${ident(a.name)} := ${value}`;
  });
  return `${fn}(${args.join(", ")})`;
}

/** One argument read from the body (its first row, for an array), as PostgREST's `json_to_record(set)`. */
function bodyField(param: string, set: boolean, name: string, type: string): string {
  const reader = set ? "json_to_recordset" : "json_to_record";
  const column = ident(name);
  return `(SELECT "pgrst_body".${column} FROM ${reader}(${param}::json) AS "pgrst_body"(${column} ${wideType(type)})${set ? " LIMIT 1" : ""})`;
}

/** PostgREST passes `character`/`bit` arguments as their varying types, so a value is not cut to one character. */
function wideType(type: string): string {
  return type.replace(/^(character|bit)(?=(\[\])*$)/, "$1 varying");
}

export function selectParts(
  node: ReadNode,
  params: Params,
  mutationCte: string,
  parentAlias?: string,
  hoisting = false,
): SelectParts {
  const alias = ident(node.alias);
  const columns: string[] = [];
  const group: string[] = [];
  const joins: string[] = [];
  const where: string[] = [];
  // A spread's aggregates are applied by its parent (hoisting): then this node does not group.
  const grouped = (!hoisting && node.items.some(isAggregate)) || node.items.some(hoists);
  if (node.exposeColumns) columns.push(`${alias}.*`);
  node.items.forEach((item, index) => {
    if (item.kind === "star") {
      const names = [...node.columns.keys()].map((c) => `${alias}.${ident(c)}`);
      columns.push(node.source.kind === "mutation" ? names.join(", ") : `${alias}.*`);
      if (grouped) group.push(...names);
    } else if (item.kind === "count") {
      if (hoisting && item.aggregate) columns.push(`1 AS ${ident(hoistedName(index))}`);
      else columns.push(`${castSql("pg_catalog.count(*)", item.cast)} AS ${ident(item.outName)}`);
    } else if (item.kind === "column") {
      const expr = columnExpr(node.alias, item, params);
      const value = castSql(expr, item.cast);
      if (!item.aggregate) {
        columns.push(`${value} AS ${ident(item.outName)}`);
        if (grouped) group.push(expr);
      } else if (hoisting) columns.push(`${value} AS ${ident(hoistedName(index))}`);
      else columns.push(`${aggregateSql(item.aggregate, value, item.aggregateCast)} AS ${ident(item.outName)}`);
    } else {
      const child = item.node;
      const lateral = ident(lateralName(child.alias));
      const inner = childSelect(child, params, mutationCte, node.alias, item.spread && hoists(item));
      if (item.spread && !child.join?.toOne) {
        // A to-many spread adds each of its columns as an array of the related rows' values, in the
        // embed's order. Its lateral always has one row, which counts the related rows for `!inner`
        // and `rel=is.null`.
        const names = spreadOutputs(child).map((out) => ident(out.outName));
        const arrays = names.map((n) => `COALESCE(json_agg("pgrst_row".${n}), '[]')::jsonb AS ${n}`);
        const rows = `pg_catalog.count(*) AS ${ident(SPREAD_ROWS)}`;
        joins.push(
          `LEFT JOIN LATERAL (SELECT ${[...arrays, rows].join(", ")} FROM (${inner}) AS "pgrst_row") AS ${lateral} ON TRUE`,
        );
        if (child.join?.inner) where.push(`${lateral}.${ident(SPREAD_ROWS)} > 0`);
        for (const n of names) {
          columns.push(`${lateral}.${n} AS ${n}`);
          if (grouped) group.push(`${lateral}.${n}`);
        }
        return;
      }
      if (item.spread) {
        // A to-one spread's row joins the parent's; `!inner` leaves out a parent row without one.
        const join = child.join?.inner ? "JOIN LATERAL" : "LEFT JOIN LATERAL";
        joins.push(`${join} (${inner}) AS ${lateral} ON TRUE`);
        if (!grouped) columns.push(`${lateral}.*`);
        else {
          const spread = spreadColumns(lateral, child);
          columns.push(...spread.columns);
          group.push(...spread.group);
        }
        return;
      }
      const agg = child.join?.toOne ? `row_to_json("pgrst_row")` : `json_agg("pgrst_row")`;
      const ordered = embedOrderColumns(node, child, "pgrst_row", params);
      joins.push(
        `LEFT JOIN LATERAL (SELECT ${agg} AS "body"${ordered} FROM (${inner}) AS "pgrst_row") AS ${lateral} ON TRUE`,
      );
      if (child.items.length > 0) {
        // Grouped rows compare embeds as jsonb (json has no equality operator).
        const body = grouped ? `${lateral}."body"::jsonb` : `${lateral}."body"`;
        columns.push(`${child.join?.toOne ? body : `COALESCE(${body}, '[]')`} AS ${ident(item.outName)}`);
        if (grouped) group.push(body);
      }
      if (child.join?.inner) where.push(`${lateral}."body" IS NOT NULL`);
    }
  });
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
  const groupBy = grouped && group.length > 0 ? `GROUP BY ${group.join(", ")}` : "";
  const tail = [groupBy, tailSql(node, params)].filter((t) => t !== "").join(" ");
  return { columns: columns.join(", "), from, where, tail };
}

function tailSql(node: ReadNode, params: Params): string {
  const parts: string[] = [];
  const orderBy = orderBySql(node.alias, node.order, params);
  if (orderBy !== "") parts.push(orderBy);
  if (node.limit !== undefined) parts.push(`LIMIT ${params.add(node.limit)}`);
  if (node.offset !== undefined && node.offset > 0) parts.push(`OFFSET ${params.add(node.offset)}`);
  return parts.join(" ");
}

export function whereSql(where: string[]): string {
  return where.length > 0 ? ` WHERE ${where.join(" AND ")}` : "";
}

function childSelect(
  node: ReadNode,
  params: Params,
  mutationCte: string,
  parentAlias: string,
  hoisting: boolean,
): string {
  const parts = selectParts(node, params, mutationCte, parentAlias, hoisting);
  return `SELECT ${parts.columns} FROM ${parts.from}${whereSql(parts.where)}${parts.tail ? ` ${parts.tail}` : ""}`;
}

export function assemble(parts: SelectParts): string {
  return `SELECT ${parts.columns} FROM ${parts.from}${whereSql(parts.where)}${parts.tail ? ` ${parts.tail}` : ""}`;
}

/** `count(*)` over the same rows without order and paging (for `Prefer: count=…`). */
export function countSql(parts: SelectParts): string {
  return `(SELECT pg_catalog.count(*) FROM ${parts.from}${whereSql(parts.where)})`;
}
