/**
 * ORDER BY text. A `rel(col)` term reads the column from the embed's lateral join: a spread's join
 * carries the embed's columns as they are; a JSON embed's carries its row as `"body"`, so the join
 * also exposes each ordered column, typed, as `"pgrst_order_<n>"` (JSON text would sort differently).
 */
import type { PlannedOrder, ReadNode } from "../plan/types";
import { columnExpr, lateralName } from "./expr";
import { ident, type Params } from "./quote";

/** `ORDER BY …` for `order` over rows aliased `alias`; empty when there is no term. */
export function orderBySql(alias: string, order: PlannedOrder[], params: Params): string {
  if (order.length === 0) return "";
  const terms = order.map((term, index) => {
    const direction = term.direction ? ` ${term.direction.toUpperCase()}` : "";
    const nulls = term.nulls ? ` NULLS ${term.nulls.toUpperCase()}` : "";
    return `${termExpr(alias, term, index, params)}${direction}${nulls}`;
  });
  return `ORDER BY ${terms.join(", ")}`;
}

function termExpr(alias: string, term: PlannedOrder, index: number, params: Params): string {
  const embed = term.embed;
  if (!embed) return columnExpr(alias, term, params);
  const lateral = lateralName(embed.node.alias);
  return embed.spread ? columnExpr(lateral, term, params) : `${ident(lateral)}.${ident(orderColumn(index))}`;
}

/**
 * The extra select list (`, expr AS "pgrst_order_<n>"`) of a JSON embed's lateral join over its rows
 * `row`: the node's terms that order by this embed.
 */
export function embedOrderColumns(node: ReadNode, embed: ReadNode, row: string, params: Params): string {
  return node.order
    .map((term, index) =>
      term.embed?.node === embed && !term.embed.spread
        ? `, ${columnExpr(row, term, params)} AS ${ident(orderColumn(index))}`
        : "",
    )
    .join("");
}

function orderColumn(index: number): string {
  return `pgrst_order_${index + 1}`;
}
