/**
 * Order terms onto their node: a column of the node (`col`, `data->>x`, a computed column), or a
 * column of one of its to-one embeds (`rel(col)`), which PostgREST orders by through the embed's join.
 */
import { PlanError } from "../errors";
import type { OrderTerm } from "../parse/ast";
import { columnRef, unknownColumn } from "./read";
import type { PlannedItem, PlannedOrder, ReadNode } from "./types";

/** `depth` is the node's nesting level (the root is 0), as PostgREST numbers its join aliases. */
export function planOrder(node: ReadNode, term: OrderTerm, depth: number): PlannedOrder {
  const modifiers = {
    ...(term.direction && { direction: term.direction }),
    ...(term.nulls && { nulls: term.nulls }),
  };
  if (term.relation === undefined) {
    const { type: _type, ...ref } = columnRef(node, term.field);
    return { ...ref, ...modifiers };
  }
  const relation = term.relation;
  // PostgREST looks the name up among the node's embeds by alias, else by the name written in `select`.
  const item = node.items.find((i) => i.kind === "embed" && i.outName === relation);
  if (!item || item.kind !== "embed") {
    throw notEmbedded(relation);
  }
  if (!item.node.join?.toOne) {
    throw new PlanError(
      400,
      "PGRST118",
      `A related order on '${relation}' is not possible`,
      `'${node.name}' and '${relation}' do not form a many-to-one or one-to-one relationship`,
    );
  }
  // The embed's join only exposes what its select names (an empty JSON embed: all its columns, which
  // its parent does not return; a spread's would be returned); PostgREST leaves the rest to Postgres,
  // which names the join `<table>_<embed>_<depth>`.
  const empty = item.node.items.length === 0 && !item.spread;
  const names = empty ? new Set(item.node.columns.keys()) : outputNames(item.node);
  if (!names.has(term.field.name)) {
    throw unknownColumn(`${node.name}_${relation}_${depth + 1}`, term.field.name);
  }
  if (empty) item.node.exposeColumns = true;
  return {
    column: term.field.name,
    json: term.field.json,
    ...modifiers,
    embed: { node: item.node, spread: item.spread },
  };
}

/** The columns a node's rows carry: its selected columns and embeds, and what its spreads bring up. */
function outputNames(node: ReadNode): Set<string> {
  const names = new Set<string>();
  for (const item of node.items) for (const name of itemNames(node, item)) names.add(name);
  return names;
}

function itemNames(node: ReadNode, item: PlannedItem): Iterable<string> {
  if (item.kind === "star") return node.columns.keys();
  if (item.kind !== "embed") return [item.outName];
  if (item.spread) return outputNames(item.node);
  // An empty embed (`rel()`) only filters; it has no output column.
  return item.node.items.length > 0 ? [item.outName] : [];
}

/** 400 PGRST108: a path or related order names something `select` does not embed. */
export function notEmbedded(name: string): PlanError {
  return new PlanError(
    400,
    "PGRST108",
    `'${name}' is not an embedded resource in this request`,
    null,
    `Verify that '${name}' is included in the 'select' query parameter.`,
  );
}
