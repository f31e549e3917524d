/**
 * The argument values of an rpc, as PostgREST reads them from a request (pure). Query parameters
 * (GET) and form bodies are name/value pairs: a variadic argument takes every value of its name, in
 * order (one value is a one-element array), any other the last one. A JSON body names its keys as
 * PostgREST's payload reader does: an object its own keys; an array of objects with the same keys
 * the first object's (the function is called once, with the first object: PostgREST reads the rows
 * with `json_to_recordset … LIMIT 1`); an empty array, or a scalar, nothing; any other array is
 * refused. With `columns=`, those names are the keys, and a key the body lacks is NULL.
 */
import { ParseError, PlanError } from "../errors";
import type { Func } from "../schema/types";

export interface JsonArgs {
  /** The argument names the call gives (overload choice). */
  keys: string[];
  /** Value per name; a missing name is passed as NULL. */
  values: Record<string, unknown>;
  /** What a lone unnamed json/jsonb argument receives. */
  whole: unknown;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

const sameKeys = (a: string[], b: string[]) => a.length === b.length && a.every((k) => b.includes(k));

/** The distinct names of query or form pairs, in first-seen order. */
export function pairNames(pairs: [string, string][]): string[] {
  return [...new Set(pairs.map(([name]) => name))];
}

/** Pairs → values for `fn`: every value of a variadic argument's name, else the last value of a name. */
export function pairValues(fn: Func, pairs: [string, string][]): Record<string, unknown> {
  const variadic = new Set(fn.args.filter((a) => a.variadic).map((a) => a.name));
  const values: Record<string, unknown> = {};
  for (const [name, value] of pairs) {
    if (!variadic.has(name)) values[name] = value;
    else values[name] = [...((values[name] as string[] | undefined) ?? []), value];
  }
  return values;
}

export function jsonArgs(body: unknown, columns: string[] | undefined): JsonArgs {
  if (columns) return { keys: columns, values: columnValues(body), whole: body };
  if (isRecord(body)) return { keys: Object.keys(body), values: body, whole: body };
  if (!Array.isArray(body) || body.length === 0) return { keys: [], values: {}, whole: [] };
  const [first] = body;
  const keys = isRecord(first) ? Object.keys(first) : [];
  if (!isRecord(first) || !body.every((row) => isRecord(row) && sameKeys(Object.keys(row), keys))) {
    throw new ParseError(400, "PGRST102", "All object keys must match");
  }
  return { keys, values: first, whole: body };
}

/**
 * With `columns=` PostgREST hands the body to Postgres as it is: `json_to_record` for an object,
 * `json_to_recordset` (first row) for anything else, whose refusals are Postgres's 22023.
 */
function columnValues(body: unknown): Record<string, unknown> {
  if (isRecord(body)) return body;
  if (!Array.isArray(body)) throw new PlanError(400, "22023", "cannot call json_to_recordset on a scalar");
  if (!body.every(isRecord)) {
    throw new PlanError(400, "22023", "argument of json_to_recordset must be an array of objects");
  }
  return body[0] ?? {};
}
