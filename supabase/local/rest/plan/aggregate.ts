/**
 * Aggregates in `select` (`count()`, `col.sum()`, `.avg()`, `.max()`, `.min()`, each with an optional
 * cast after the parentheses), allowed only when `pgrst.db_aggregates_enabled` is on, as PostgREST
 * (400 PGRST123 otherwise). The output is named by the alias, else by the function (`sum`), as
 * Postgres names an unaliased aggregate.
 */
import { PlanError } from "../errors";
import type { SelectItem } from "../parse/ast";
import type { SchemaCache } from "../schema/types";
import type { ColumnRef, PlannedItem } from "./types";

type ColumnItem = SelectItem & { kind: "column" };

function aggregatesEnabled(cache: SchemaCache): boolean {
  return /^(true|on|yes|1)$/i.test(cache.config.get("db_aggregates_enabled") ?? "");
}

export function planAggregate(
  cache: SchemaCache,
  item: ColumnItem & { aggregate: NonNullable<ColumnItem["aggregate"]> },
  column: () => ColumnRef,
): PlannedItem {
  if (!aggregatesEnabled(cache)) throw new PlanError(400, "PGRST123", "Use of aggregate functions is not allowed");
  const outName = item.alias ?? item.aggregate;
  const aggregateCast = item.aggregateCast;
  if (item.field.name === "*") {
    return { kind: "count", outName, aggregate: true, ...(aggregateCast !== undefined && { cast: aggregateCast }) };
  }
  const { column: name, json, computed } = column();
  return {
    kind: "column",
    column: name,
    json,
    ...(computed !== undefined && { computed }),
    ...(item.cast !== undefined && { cast: item.cast }),
    outName,
    aggregate: item.aggregate,
    ...(aggregateCast !== undefined && { aggregateCast }),
  };
}

export function isAggregate(item: PlannedItem): boolean {
  return (item.kind === "column" || item.kind === "count") && !!item.aggregate;
}
