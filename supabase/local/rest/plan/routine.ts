/**
 * Picks the function an rpc names, as PostgREST's `findProc`: an overload whose required arguments
 * are exactly the keys given (optional ones may be given too); failing that, over POST, the overload
 * with a single unnamed json/jsonb argument, which takes the whole body. Errors carry PostgREST's
 * wording: 300 PGRST203 lists the candidates in overload order, 404 PGRST202 hints at the closest
 * argument list (or function name).
 */
import { PlanError } from "../errors";
import type { RawBody } from "../parse/ast";
import type { Func } from "../schema/types";
import { closest } from "./fuzzy";

function matchesKeys(fn: Func, keys: Set<string>): boolean {
  const required = fn.args.filter((a) => !a.hasDefault).map((a) => a.name);
  const optional = new Set(fn.args.filter((a) => a.hasDefault).map((a) => a.name));
  const rest = [...keys].filter((k) => !optional.has(k));
  return rest.length === new Set(required).size && rest.every((k) => required.includes(k));
}

/**
 * A function with one unnamed argument is called with the whole POST body: json/jsonb for a JSON
 * body, text/xml/bytea for a raw one of that type (`raw`).
 */
export function takesBody(fn: Func, raw?: RawBody["type"]): boolean {
  const [only] = fn.args;
  if (fn.args.length !== 1 || only?.name !== "") return false;
  return raw ? only.type === raw : only.type === "json" || only.type === "jsonb";
}

function signature(fn: Func): string {
  return `${fn.schema}.${fn.name}(${fn.args.map((a) => `${a.name} => ${a.type}`).join(", ")})`;
}

function ambiguous(candidates: Func[]): PlanError {
  return new PlanError(
    300,
    "PGRST203",
    `Could not choose the best candidate function between: ${candidates.map(signature).join(", ")}`,
    null,
    "Try renaming the parameters or the function itself in the database so function overloading can be resolved",
  );
}

const argList = (names: string[]) => `(${[...names].sort().join(", ")})`;

function notFound(
  functions: Map<string, Func[]>,
  schema: string,
  name: string,
  keys: string[],
  post: boolean,
  raw?: RawBody["type"],
): PlanError {
  const fn = `${schema}.${name}`;
  const sorted = [...keys].sort();
  const params =
    sorted.length > 0 ? ` with parameter${sorted.length > 1 ? "s" : ""} ${sorted.join(", ")}` : " without parameters";
  const overloads = functions.get(fn) ?? [];
  let hint: string | undefined;
  if (overloads.length === 0) {
    const names = [...functions.values()]
      .flat()
      .filter((f) => f.schema === schema)
      .map((f) => f.name);
    hint = closest(names, name, 0.75);
  } else {
    const lists = overloads.map((f) => argList(f.args.map((a) => a.name)));
    const list = closest(lists, argList(sorted), 0.33);
    hint = list === undefined ? undefined : `${name}${list}`;
  }
  if (raw) {
    // PostgREST names only the one parameter such a body can fill, and hints nothing.
    return new PlanError(
      404,
      "PGRST202",
      `Could not find the function ${fn} in the schema cache`,
      `Searched for the function ${fn} with a single unnamed ${raw} parameter, but no matches were found in the schema cache.`,
    );
  }
  return new PlanError(
    404,
    "PGRST202",
    `Could not find the function ${fn}${sorted.length > 0 ? `(${sorted.join(", ")})` : " without parameters"} in the schema cache`,
    `Searched for the function ${fn}${params}${post ? " or with a single unnamed json/jsonb parameter" : ""}, but no matches were found in the schema cache.`,
    hint === undefined ? null : `Perhaps you meant to call the function ${schema}.${hint}`,
  );
}

export function findRoutine(
  functions: Map<string, Func[]>,
  schema: string,
  name: string,
  given: string[],
  post: boolean,
  raw?: RawBody["type"],
): Func {
  const keys = new Set(given);
  const overloads = functions.get(`${schema}.${name}`) ?? [];
  // A raw body names no argument; a function without arguments does not take it.
  const matched = overloads.filter((fn) => matchesKeys(fn, keys) && !(raw && fn.args.length === 0));
  const fallback = post ? overloads.filter((fn) => !matched.includes(fn) && takesBody(fn, raw)) : [];
  const candidates = matched.length > 0 ? matched : fallback;
  const [only] = candidates;
  if (only && candidates.length === 1) return only;
  if (candidates.length > 1) throw ambiguous(candidates);
  throw notFound(functions, schema, name, [...keys], post, raw);
}
