/**
 * Sorts the query string into PostgREST's reserved parameters (select, order, limit, offset, columns,
 * on_conflict, and/or — each possibly prefixed by an embed path) and filters `path.field=op.value`.
 */
import { Cursor } from "./cursor";
import { NAME_STOPS, parseField } from "./field";
import { parseFilterValue, parseLogicValue } from "./filter";
import { parseOrder } from "./order";
import { ParseError } from "../errors";
import type { ApiRequest, Field } from "./ast";

type Collected = Pick<ApiRequest, "conditions" | "orders" | "limits">;

const PATH_RESERVED = /^(?:(.+?)\.)??(not\.or|not\.and|order|limit|offset|or|and)$/;

/** Split a key into embed path + last segment: `a.b.col` → [["a","b"], "col"]. Names may be quoted. */
export function splitKey(key: string): { path: string[]; field: Field } {
  const cur = new Cursor(key, "filter");
  const path: string[] = [];
  for (;;) {
    const start = cur.pos;
    const name = cur.name(NAME_STOPS);
    if (cur.eat(".")) {
      path.push(name);
      continue;
    }
    cur.pos = start;
    const field = parseField(cur);
    if (!cur.done) throw cur.fail('"." , "->" or end of input');
    return { path, field };
  }
}

function pathOf(prefix: string | undefined): string[] {
  return prefix === undefined ? [] : prefix.split(".");
}

function nonNegative(name: string, raw: string): number {
  if (!/^\d{1,15}$/.test(raw)) {
    throw new ParseError(
      400,
      "PGRST100",
      `"failed to parse ${name} parameter (${raw})" (line 1, column 1)`,
      `unexpected "${raw.slice(0, 1)}" expecting digit`,
    );
  }
  return Number(raw);
}

/** Handles one reserved key; returns false when the key is not reserved. */
export function collectReserved(key: string, raw: string, into: Collected): boolean {
  const match = PATH_RESERVED.exec(key);
  if (!match) return false;
  const path = pathOf(match[1]);
  const kind = match[2] ?? "";
  if (kind === "order") into.orders.push({ path, value: parseOrder(raw) });
  else if (kind === "limit" || kind === "offset") {
    let entry = into.limits.find((l) => l.path.join(".") === path.join("."));
    if (!entry) into.limits.push((entry = { path, value: {} }));
    entry.value[kind] = nonNegative(kind, raw);
  } else {
    const negate = kind.startsWith("not.");
    const op = negate ? kind.slice(4) : kind;
    into.conditions.push({ path, value: parseLogicValue(op as "and" | "or", negate, raw) });
  }
  return true;
}

export function collectFilter(key: string, raw: string, into: Collected): void {
  const { path, field } = splitKey(key);
  into.conditions.push({ path, value: { kind: "filter", filter: parseFilterValue(field, raw) } });
}
