/** Plans an rpc: picks the overload from the argument names, types the arguments, shapes the result. */
import { ParseError, PlanError } from "../errors";
import { collectFilter } from "../parse/params";
import type { ApiRequest } from "../parse/ast";
import { attachModifiers, buildNode, type PlanContext } from "./read";
import { findRoutine } from "./routine";
import type { CallPlan } from "./types";

/** GET rpc, as PostgREST: a parameter whose value is an operator expression is a filter, any other an argument. */
function splitGetParams(request: ApiRequest): Record<string, unknown> {
  const args: Record<string, unknown> = {};
  for (const [key, value] of request.rpcParams) {
    try {
      collectFilter(key, value, request);
    } catch (error) {
      if (!(error instanceof ParseError)) throw error;
      args[key] = value;
    }
  }
  return args;
}

export function planCall(ctx: PlanContext, request: ApiRequest, name: string, maxRows: number): CallPlan {
  if (request.method === "POST") for (const [key, value] of request.rpcParams) collectFilter(key, value, request);
  const body = request.method === "POST" ? request.body : splitGetParams(request);
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw new PlanError(400, "PGRST102", "Empty or invalid json", "rpc expects a JSON object of named arguments");
  }
  const given = body as Record<string, unknown>;
  const post = request.method === "POST";
  const keys = request.columns ?? Object.keys(given);
  const fn = findRoutine(ctx.cache.functions, ctx.schema, name, keys, post, request.raw?.type);
  // A lone unnamed argument is positional and takes the whole body (PostgREST passes it as is).
  const [first] = fn.args;
  const positional = fn.args.length === 1 && first?.name === "";
  const args = positional
    ? [{ name: "", type: first.type, value: request.raw ? request.raw.value : given }]
    : fn.args.filter((a) => a.name in given).map((a) => ({ name: a.name, type: a.type, value: given[a.name] }));
  const readOnly = request.method !== "POST" || fn.volatility !== "volatile";
  const plan: CallPlan = { kind: "call", call: { fn, args, positional }, readOnly };
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
