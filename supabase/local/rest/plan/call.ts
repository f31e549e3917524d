/** Plans an rpc: picks the overload from the argument names, types the arguments, shapes the result. */
import { ParseError } from "../errors";
import { collectFilter } from "../parse/params";
import type { ApiRequest } from "../parse/ast";
import { jsonArgs, pairNames, pairValues } from "./call-args";
import { attachModifiers, buildNode, type PlanContext } from "./read";
import { findRoutine } from "./routine";
import type { CallPlan } from "./types";

/** GET rpc, as PostgREST: a parameter whose value is an operator expression is a filter, any other an argument. */
function splitGetParams(request: ApiRequest): [string, string][] {
  return request.rpcParams.filter(([key, value]) => {
    try {
      collectFilter(key, value, request);
      return false;
    } catch (error) {
      if (!(error instanceof ParseError)) throw error;
      return true;
    }
  });
}

export function planCall(ctx: PlanContext, request: ApiRequest, name: string, maxRows: number | null): CallPlan {
  const post = request.method === "POST";
  if (post) for (const [key, value] of request.rpcParams) collectFilter(key, value, request);
  // Query and form pairs are read once the function is known (its variadic argument takes repeats).
  const pairs = post ? request.form : splitGetParams(request);
  const json = pairs
    ? undefined
    : jsonArgs(request.body, request.bodyText ?? JSON.stringify(request.body ?? {}), request.columns);
  // Pairs name their arguments themselves (PostgREST ignores `columns=` for them).
  const keys = pairs ? pairNames(pairs) : (json?.keys ?? []);
  const fn = findRoutine(ctx.cache.functions, ctx.schema, name, keys, post, request.raw?.type);
  const values = pairs ? pairValues(fn, pairs) : {};
  // A lone unnamed argument is positional and takes the whole body (PostgREST passes it as is).
  const [first] = fn.args;
  const positional = fn.args.length === 1 && first?.name === "";
  const whole = request.raw ? request.raw.value : (json?.whole ?? JSON.stringify(values));
  const args = positional
    ? [{ name: "", type: first.type, variadic: false, value: whole }]
    : fn.args
        .filter((a) => keys.includes(a.name))
        .map((a) => ({ name: a.name, type: a.type, variadic: a.variadic, ...(pairs && { value: values[a.name] }) }));
  const named = !positional && args.length > 0;
  const call = { fn, args, positional, ...(named && json?.source && { json: json.source }) };
  const readOnly = request.method !== "POST" || fn.volatility !== "volatile";
  const plan: CallPlan = { kind: "call", call, readOnly };
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
    // db-max-rows caps a set of scalars as it caps rows.
    if (fn.returnsSet && maxRows !== null) plan.limit = Math.min(plan.limit ?? maxRows, maxRows);
  }
  return plan;
}
