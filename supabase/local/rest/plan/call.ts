/** Plans an rpc: picks the overload from the argument names, types the arguments, shapes the result. */
import { PlanError } from "../errors";
import { collectFilter } from "../parse/params";
import type { ApiRequest } from "../parse/ast";
import type { Func } from "../schema/types";
import { attachModifiers, buildNode, type PlanContext } from "./read";
import type { CallPlan } from "./types";

function signature(fn: Func): string {
  return `${fn.schema}.${fn.name}(${fn.args.map((a) => `${a.name} => ${a.type}`).join(", ")})`;
}

function chooseFunction(ctx: PlanContext, name: string, given: string[]): Func {
  const candidates = ctx.cache.functions.get(`${ctx.schema}.${name}`) ?? [];
  const matches = candidates.filter(
    (fn) =>
      given.every((g) => fn.args.some((a) => a.name === g)) &&
      fn.args.every((a) => a.hasDefault || given.includes(a.name)),
  );
  const [only] = matches;
  if (only && matches.length === 1) return only;
  if (matches.length > 1) {
    throw new PlanError(
      300,
      "PGRST203",
      `Could not choose the best candidate function between: ${matches.map(signature).join(", ")}`,
      null,
      "Try renaming the parameters or the function itself in the database so function overloading can be resolved",
    );
  }
  const sorted = [...given].sort();
  const params = sorted.length > 0 ? `(${sorted.join(", ")})` : " without parameters";
  const withParams = sorted.length > 0 ? ` with parameters ${sorted.join(", ")}` : " without parameters";
  const close = [...ctx.cache.functions.keys()].find(
    (key) => key.startsWith(`${ctx.schema}.`) && key.toLowerCase().includes(name.toLowerCase().slice(0, 4)),
  );
  throw new PlanError(
    404,
    "PGRST202",
    `Could not find the function ${ctx.schema}.${name}${params} in the schema cache`,
    `Searched for the function ${ctx.schema}.${name}${withParams} or with a single unnamed json/jsonb parameter, but no matches were found in the schema cache.`,
    close ? `Perhaps you meant to call the function ${close}` : null,
  );
}

/** GET rpc: parameters naming an argument of some overload are arguments, the rest are filters. */
function splitGetParams(ctx: PlanContext, request: ApiRequest): Record<string, unknown> {
  const names = new Set(
    (
      ctx.cache.functions.get(`${ctx.schema}.${request.target.kind === "rpc" ? request.target.name : ""}`) ?? []
    ).flatMap((f) => f.args.map((a) => a.name)),
  );
  const args: Record<string, unknown> = {};
  for (const [key, value] of request.rpcParams) {
    if (names.has(key)) args[key] = value;
    else collectFilter(key, value, request);
  }
  return args;
}

export function planCall(ctx: PlanContext, request: ApiRequest, name: string, maxRows: number): CallPlan {
  if (request.method === "POST") for (const [key, value] of request.rpcParams) collectFilter(key, value, request);
  const body = request.method === "POST" ? request.body : splitGetParams(ctx, request);
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw new PlanError(400, "PGRST102", "Empty or invalid json", "rpc expects a JSON object of named arguments");
  }
  const given = body as Record<string, unknown>;
  const fn = chooseFunction(ctx, name, Object.keys(given));
  const args = fn.args
    .filter((a) => a.name in given)
    .map((a) => ({ name: a.name, type: a.type, value: given[a.name] }));
  const readOnly = request.method !== "POST" || fn.volatility !== "volatile";
  const plan: CallPlan = { kind: "call", call: { fn, args }, readOnly };
  if (fn.returns === "composite") {
    const returnTable = fn.returnTable ? ctx.cache.tables.get(fn.returnTable) : undefined;
    const embedFrom = returnTable && returnTable.schema === ctx.schema ? returnTable.name : null;
    const columns = new Map(fn.resultColumns.map((c) => [c.name, c]));
    plan.node = buildNode(
      ctx,
      { kind: "call", call: plan.call },
      { name: fn.name, embedFrom },
      columns,
      request.select,
    );
    attachModifiers(plan.node, request, fn.returnsSet ? maxRows : null);
  } else {
    const root = request.limits.find((l) => l.path.length === 0)?.value;
    if (root?.limit !== undefined) plan.limit = root.limit;
    if (root?.offset !== undefined) plan.offset = root.offset;
  }
  return plan;
}
