/**
 * Picks the function an rpc names, as PostgREST's `findProc`: an overload whose required arguments
 * are exactly the keys given (optional ones may be given too); failing that, over POST, the overload
 * with a single unnamed json/jsonb argument, which takes the whole body. Errors carry PostgREST's
 * wording: 300 PGRST203 lists the candidates in overload order, 404 PGRST202 hints at the closest
 * argument list (or function name).
 */
import { PlanError } from "../errors";
import type { Func } from "../schema/types";
import { closest } from "./fuzzy";

function matchesKeys(fn: Func, keys: Set<string>): boolean {
  const required = fn.args.filter((a) => !a.hasDefault).map((a) => a.name);
  const optional = new Set(fn.args.filter((a) => a.hasDefault).map((a) => a.name));
  const rest = [...keys].filter((k) => !optional.has(k));
  return rest.length === new Set(required).size && rest.every((k) => required.includes(k));
}

/** A function with one unnamed json/jsonb argument is called with the whole POST body. */
export function takesBody(fn: Func): boolean {
  const [only] = fn.args;
  return fn.args.length === 1 && only?.name === "" && (only.type === "json" || only.type === "jsonb");
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
): Func {
  const keys = new Set(given);
  const overloads = functions.get(`${schema}.${name}`) ?? [];
  const matched = overloads.filter((fn) => matchesKeys(fn, keys));
  const fallback = post ? overloads.filter((fn) => !matchesKeys(fn, keys) && takesBody(fn)) : [];
  const candidates = matched.length > 0 ? matched : fallback;
  const [only] = candidates;
  if (only && candidates.length === 1) return only;
  if (candidates.length > 1) throw ambiguous(candidates);
  throw notFound(functions, schema, name, [...keys], post);
}
