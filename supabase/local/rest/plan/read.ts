/**
 * Plans the select tree (columns, embeds) and attaches filters, logic trees, orders and limits to
 * the node their path names. Every column is checked against the schema cache here.
 */
import { PlanError } from "../errors";
import { fieldOutputName } from "../parse/field";
import type { ApiRequest, Condition, Field, SelectItem } from "../parse/ast";
import { tableKey, type Column, type SchemaCache } from "../schema/types";
import { findRelationship, noRelationship } from "./relationships";
import { isAggregate, planAggregate } from "./aggregate";
import { notEmbedded, planOrder } from "./order";
import type { ColumnRef, PlannedCondition, PlannedItem, ReadNode, Source } from "./types";

export interface PlanContext {
  cache: SchemaCache;
  schema: string;
  aliases: number;
  /** Nesting level of the node being planned (the root is 1). */
  depth?: number;
}

export function unknownColumn(relation: string, column: string): PlanError {
  return new PlanError(400, "42703", `column ${relation}.${column} does not exist`);
}

/** The table an embed starts from: a table, the mutated table, or the table a function returns. */
export function buildNode(
  ctx: PlanContext,
  source: Source,
  rel: { name: string; embedFrom: string | null },
  columns: Map<string, Column>,
  select: SelectItem[],
  alias = rel.name,
): ReadNode {
  const node: ReadNode = {
    source,
    name: rel.name,
    label: (ctx.depth ?? 0) > 0 ? `${rel.name}_${ctx.depth ?? 0}` : rel.name,
    alias,
    columns,
    computed: rel.embedFrom === null ? new Map() : computedColumns(ctx, rel.embedFrom),
    items: [],
    where: [],
    order: [],
  };
  ctx.depth = (ctx.depth ?? 0) + 1;
  try {
    node.items = select.map((item) => planItem(ctx, node, rel.embedFrom, item));
  } finally {
    ctx.depth -= 1;
  }
  refuseDuplicateEmbeds(node, ctx.depth + 1);
  return node;
}

/**
 * Functions taking the node's row are its computed columns, as in PostgREST (where Postgres reads
 * `alias.fn` as `fn(alias)`): selectable, filterable and orderable by name.
 */
function computedColumns(ctx: PlanContext, relation: string): ReadNode["computed"] {
  const computed: ReadNode["computed"] = new Map();
  const table = ctx.cache.tables.get(tableKey(ctx.schema, relation));
  if (!table) return computed;
  const key = tableKey(table.schema, table.name);
  for (const fn of ctx.cache.rowFunctions) {
    if (fn.argTable !== key || computed.has(fn.name)) continue;
    computed.set(fn.name, {
      schema: fn.schema,
      type: fn.returnType,
      rowType: { schema: table.schema, name: table.name },
    });
  }
  return computed;
}

/** A column of the node, or one of its computed columns; 42703 (as Postgres) when neither. */
export function columnRef(node: ReadNode, field: Field): ColumnRef & { type: string } {
  const column = node.columns.get(field.name);
  if (column) return { column: field.name, json: field.json, type: column.type };
  const computed = node.computed.get(field.name);
  if (!computed) throw unknownColumn(node.label, field.name);
  return {
    column: field.name,
    json: field.json,
    type: computed.type,
    computed: { schema: computed.schema, rowType: computed.rowType },
  };
}

/**
 * Two embeds under one name would give one JSON object two equal keys. PostgREST names each embed's
 * join `<table>_<name>_<depth>`, so Postgres refuses the pair (42712); the same answer here.
 */
function refuseDuplicateEmbeds(node: ReadNode, depth: number): void {
  const seen = new Set<string>();
  for (const item of node.items) {
    if (item.kind !== "embed" || item.spread) continue;
    if (seen.has(item.outName)) {
      throw new PlanError(400, "42712", `table name "${node.name}_${item.outName}_${depth}" specified more than once`);
    }
    seen.add(item.outName);
  }
}

function planItem(ctx: PlanContext, node: ReadNode, embedFrom: string | null, item: SelectItem): PlannedItem {
  if (item.kind === "star") return item;
  if (item.kind === "column") {
    if (item.aggregate !== undefined) {
      // The column is checked after the setting, as PostgREST refuses aggregates before running SQL.
      return planAggregate(ctx.cache, { ...item, aggregate: item.aggregate }, () => columnRef(node, item.field));
    }
    if (item.field.name === "count" && item.field.json.length === 0 && !node.columns.has("count")) {
      // PostgREST keeps `select=count` / `rel(count)` working with aggregates off: Postgres reads a
      // non-column `alias.count` as `count(alias)`.
      return { kind: "count", outName: item.alias ?? "count", ...(item.cast !== undefined && { cast: item.cast }) };
    }
    const { type: _type, ...ref } = columnRef(node, item.field);
    const outName = item.alias ?? fieldOutputName(item.field);
    return {
      kind: "column",
      ...ref,
      outName,
      ...(item.cast !== undefined && { cast: item.cast }),
    };
  }
  if (embedFrom === null)
    throw noRelationship(ctx.cache, { schema: ctx.schema, name: node.name }, item.name, item.hint);
  const { table, join, fn } = findRelationship(
    ctx.cache,
    { schema: ctx.schema, name: embedFrom },
    item.name,
    item.hint,
  );
  ctx.aliases += 1;
  const parentRow = ctx.cache.tables.get(tableKey(ctx.schema, embedFrom));
  const source: Source =
    fn && parentRow
      ? {
          kind: "rowCall",
          fn: { schema: fn.schema, name: fn.name },
          argType: { schema: parentRow.schema, name: parentRow.name },
        }
      : { kind: "table", schema: table.schema, name: table.name };
  const child = buildNode(
    ctx,
    source,
    { name: table.name, embedFrom: table.name },
    table.columns,
    item.select,
    `${table.name}_${ctx.aliases}`,
  );
  child.join = { ...join, inner: item.join === "inner" };
  if (item.spread && !join.toOne && aggregatesIn(child)) {
    // PostgREST refuses them after checking that aggregates are enabled at all.
    throw new PlanError(
      400,
      "PGRST127",
      "Feature not implemented",
      "Aggregates are not implemented for one-to-many or many-to-many spreads.",
    );
  }
  return { kind: "embed", node: child, outName: item.alias ?? item.name, spread: item.spread };
}

/** Does this node, or a node spread into it, aggregate? */
function aggregatesIn(node: ReadNode): boolean {
  return node.items.some((i) => isAggregate(i) || (i.kind === "embed" && i.spread && aggregatesIn(i.node)));
}

/** Walks `path` through the embeds of `root` (matching alias or table name). */
export function nodeAt(root: ReadNode, path: string[]): ReadNode {
  let node = root;
  for (const name of path) {
    const next = node.items.find((i) => i.kind === "embed" && (i.outName === name || i.node.name === name));
    if (!next || next.kind !== "embed") throw notEmbedded(name);
    node = next.node;
  }
  return node;
}

export function planCondition(node: ReadNode, condition: Condition): PlannedCondition {
  if (condition.kind === "logic") {
    return {
      kind: "logic",
      op: condition.op,
      negate: condition.negate,
      children: condition.children.map((c) => planCondition(node, c)),
    };
  }
  const { field, negate, expr } = condition.filter;
  const column = node.columns.get(field.name) ?? node.computed.get(field.name);
  if (!column && field.json.length === 0 && expr.op === "is" && (expr.value === "null" || expr.value === "not_null")) {
    const embed = node.items.find(
      (i) => i.kind === "embed" && (i.outName === field.name || i.node.name === field.name),
    );
    if (embed && embed.kind === "embed")
      return {
        kind: "embedNull",
        embed: embed.node,
        spread: embed.spread,
        isNull: (expr.value === "null") !== negate,
      };
  }
  const { type, ...ref } = columnRef(node, field);
  return { kind: "filter", ...ref, negate, expr, columnType: type };
}

/** Filters, orders and limits of the request, each onto the node its path names. */
export function attachModifiers(root: ReadNode, request: ApiRequest, maxRows: number | null): void {
  for (const { path, value } of request.conditions) {
    const node = nodeAt(root, path);
    node.where.push(planCondition(node, value));
  }
  for (const { path, value } of request.orders) {
    const node = nodeAt(root, path);
    node.order.push(...value.map((term) => planOrder(node, term, path.length)));
  }
  for (const { path, value } of request.limits) {
    const node = nodeAt(root, path);
    if (value.limit !== undefined) node.limit = value.limit;
    if (value.offset !== undefined) node.offset = value.offset;
  }
  if (maxRows !== null) root.limit = Math.min(root.limit ?? maxRows, maxRows);
}
