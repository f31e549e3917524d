/**
 * Aggregates and grouping. An aggregated node groups by its other columns and embeds (embeds as
 * jsonb: json has no equality); a to-one spread's aggregates are hoisted into the node it spreads
 * into, as PostgREST does: the spread's subquery returns the plain value and the parent aggregates it.
 */
import type { Aggregate } from "../parse/ast";
import { isAggregate } from "../plan/aggregate";
import type { PlannedItem, ReadNode } from "../plan/types";
import { ident, typeName } from "./quote";

/** Written from this table, never from the request. */
const FUNCTIONS: Record<Aggregate, string> = { sum: "SUM", avg: "AVG", count: "COUNT", max: "MAX", min: "MIN" };

export function castSql(expr: string, cast: string | undefined): string {
  return cast ? `CAST(${expr} AS ${typeName(cast)})` : expr;
}

export function aggregateSql(fn: Aggregate, expr: string, cast: string | undefined): string {
  return castSql(`${FUNCTIONS[fn]}(${expr})`, cast);
}

/** Inner name of the i-th item of a spread whose aggregate is hoisted (unique, never client text). */
export function hoistedName(index: number): string {
  return `pgrst_hoisted_${index}`;
}

/** A spread's aggregates move to the parent; does this spread have any? */
export function hoists(item: PlannedItem): boolean {
  return item.kind === "embed" && item.spread && item.node.items.some(isAggregate);
}

export interface SpreadOutput {
  /** Column of the spread's subquery. */
  inner: string;
  outName: string;
  aggregate?: { fn: Aggregate; cast: string | undefined };
  json: boolean;
}

/** The columns a to-one spread adds to its parent, in order. */
export function spreadOutputs(child: ReadNode): SpreadOutput[] {
  return child.items.flatMap((item, index): SpreadOutput[] => {
    if (item.kind === "star") return [...child.columns.keys()].map((c) => ({ inner: c, outName: c, json: false }));
    if (item.kind === "count" && item.aggregate)
      return [
        { inner: hoistedName(index), outName: item.outName, aggregate: { fn: "count", cast: item.cast }, json: false },
      ];
    if (item.kind === "column" && item.aggregate) {
      const aggregate = { fn: item.aggregate, cast: item.aggregateCast };
      return [{ inner: hoistedName(index), outName: item.outName, aggregate, json: false }];
    }
    if (item.kind === "embed" && item.spread) return spreadOutputs(item.node);
    if (item.kind === "embed")
      return item.node.items.length > 0 ? [{ inner: item.outName, outName: item.outName, json: true }] : [];
    return [{ inner: item.outName, outName: item.outName, json: false }];
  });
}

/** Select and group terms of a spread in a grouped (or hoisting) parent. */
export function spreadColumns(lateral: string, child: ReadNode): { columns: string[]; group: string[] } {
  const columns: string[] = [];
  const group: string[] = [];
  for (const out of spreadOutputs(child)) {
    const ref = `${lateral}.${ident(out.inner)}`;
    if (out.aggregate) {
      columns.push(`${aggregateSql(out.aggregate.fn, ref, out.aggregate.cast)} AS ${ident(out.outName)}`);
      continue;
    }
    const expr = out.json ? `${ref}::jsonb` : ref;
    columns.push(`${expr} AS ${ident(out.outName)}`);
    group.push(expr);
  }
  return { columns, group };
}
