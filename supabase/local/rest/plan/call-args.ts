/**
 * The arguments of an rpc, as PostgREST reads them from a request (pure). Query parameters (GET)
 * and form bodies are name/value pairs: a variadic argument takes every value of its name, in order
 * (one value is a one-element array), any other the last one. A JSON body names its keys as
 * PostgREST's payload reader does: an object its own keys; an array of objects with the same keys
 * the first object's; an empty array, or a scalar, nothing; any other array is refused. Postgres
 * then reads the values from the body's text, as PostgREST has it do: `json_to_record` for an
 * object, `json_to_recordset … LIMIT 1` for an array (so the function is called once, with the
 * first object). With `columns=`, those names are the keys whatever the body's shape.
 */
import { ParseError } from "../errors";
import type { Func } from "../schema/types";

export interface JsonArgs {
  /** The argument names the call gives (overload choice). */
  keys: string[];
  /** The JSON text Postgres reads the named arguments from; absent when the body names none. */
  source?: { text: string; set: boolean };
  /** What a lone unnamed json/jsonb argument receives: the body, or `[]` for one naming nothing. */
  whole: string;
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
export function pairValues(fn: Func, pairs: [string, string][]): Record<string, string | string[]> {
  const variadic = new Set(fn.args.filter((a) => a.variadic).map((a) => a.name));
  const values: Record<string, string | string[]> = {};
  for (const [name, value] of pairs) {
    const seen = values[name];
    values[name] = !variadic.has(name) ? value : [...(Array.isArray(seen) ? seen : []), value];
  }
  return values;
}

/** `body` parsed, `text` as sent (numbers keep their digits). */
export function jsonArgs(body: unknown, text: string, columns: string[] | undefined): JsonArgs {
  // PostgREST tells an object from the rest by the body's first character; json_to_recordset refuses scalars.
  if (columns) return { keys: columns, source: { text, set: !isRecord(body) }, whole: text };
  if (isRecord(body)) return { keys: Object.keys(body), source: { text, set: false }, whole: text };
  if (!Array.isArray(body) || body.length === 0) return { keys: [], whole: "[]" };
  const [first] = body;
  const keys = isRecord(first) ? Object.keys(first) : [];
  if (!isRecord(first) || !body.every((row) => isRecord(row) && sameKeys(Object.keys(row), keys))) {
    throw new ParseError(400, "PGRST102", "All object keys must match");
  }
  return { keys, source: { text, set: true }, whole: text };
}
