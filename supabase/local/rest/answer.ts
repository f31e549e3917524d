/** Turns an executed Prepared request into the HTTP answer (status, Content-Range, Location, body). */
import type { ServerResponse } from "node:http";
import { preferenceApplied } from "./parse/prefer";
import type { Prepared } from "./prepare";
import type { ExecResult } from "./execute";
import { responseOverride, withOverride } from "./guc";
import {
  contentRange,
  rangeNotSatisfiable,
  rangeStatus,
  send,
  sendError,
  singularError,
  unwrapSingle,
} from "./respond";

function locationFor(table: string, row: string | null): string | undefined {
  if (!row) return undefined;
  const keys = JSON.parse(row) as Record<string, unknown>;
  const query = Object.entries(keys).map(([k, v]) => `${encodeURIComponent(k)}=eq.${encodeURIComponent(String(v))}`);
  return `/${encodeURIComponent(table)}?${query.join("&")}`;
}

/** The count `Prefer: count=…` asked for: exact, the planner's estimate, or exact up to db-max-rows. */
function totalOf(prepared: Prepared, result: ExecResult): number | null {
  const { request, statement } = prepared;
  if (!request.prefer.count) return null;
  const exact = result.total === null ? null : Number(result.total);
  if (statement.countPlan === undefined) return exact;
  const planned = result.planned ?? null;
  if (request.prefer.count === "planned") return planned;
  const above = statement.estimateAbove;
  if (exact === null || planned === null || above === undefined || exact <= above) return exact;
  return Math.max(exact, planned);
}

export function answer(
  res: ServerResponse,
  prepared: Prepared,
  result: ExecResult,
  extra: Record<string, string>,
  tx?: "commit" | "rollback",
): void {
  const { request, plan } = prepared;
  const head = request.method === "HEAD";
  const total = totalOf(prepared, result);
  const { prefer } = request;
  const write = plan.kind !== "read" && plan.kind !== "call";
  const created = plan.kind === "insert" && !plan.put;
  // PostgREST's order and rules: each preference only where it applies.
  const applied = preferenceApplied({
    ...(created &&
      (plan.onConflict || plan.table.pk.length > 0) &&
      prefer.resolution && { resolution: prefer.resolution }),
    ...((created || plan.kind === "update") && prefer.missing && { missing: prefer.missing }),
    ...(write && prefer.return && { return: prefer.return }),
    ...(prefer.count && { count: prefer.count }),
    ...(tx && { tx }),
    ...(prefer.handling && { handling: prefer.handling }),
    ...(prefer.timezone !== undefined && { timezone: prefer.timezone }),
    ...(prefer["max-affected"] !== undefined &&
      prefer.handling === "strict" &&
      (plan.kind === "update" || plan.kind === "delete" || plan.kind === "call") && {
        "max-affected": prefer["max-affected"],
      }),
  });
  const headers: Record<string, string> = { ...extra, "Content-Type": `${request.mime}; charset=utf-8` };
  // A plan is the answer whatever the statement would have answered (rows, status, singular, counts).
  if (request.explain) return send(res, 200, headers, head ? null : result.body);
  const override = responseOverride(result);
  const reply = (status: number, answered: Record<string, string>, text: string | null) =>
    send(res, override.status ?? status, withOverride(answered, override), text);
  if (applied) headers["Preference-Applied"] = applied;
  // Mutations that hit this were already rolled back by the execute stage's decide callback.
  const scalarCall = plan.kind === "call" && plan.call.fn.returns !== "composite";
  if (request.singular && result.page !== 1 && !scalarCall) return sendError(res, singularError(result.page), head);
  let body = result.body;
  if (request.singular || (plan.kind === "call" && prepared.statement.singleObject))
    body = body === null ? null : unwrapSingle(body);
  if (plan.kind === "read" || plan.kind === "call") {
    if (plan.kind === "call" && plan.call.fn.returns === "void") return reply(204, extra, null);
    headers["Content-Range"] = contentRange(prepared.offset, result.page, total);
    const status = rangeStatus(prepared.offset, result.page, total);
    if (status === 416 && total !== null) return sendError(res, rangeNotSatisfiable(prepared.offset, total), head);
    return reply(status, headers, head ? null : (body ?? "null"));
  }
  const representation = plan.returning !== undefined;
  if (plan.kind === "insert" && plan.put) {
    // PUT: 201 when the row was new, 200 when it replaced one; 204 without a representation.
    if (!representation) return reply(204, withoutType(headers), null);
    return reply((result.inserted ?? 0) > 0 ? 201 : 200, headers, body);
  }
  if (plan.kind === "insert") {
    headers["Content-Range"] = `*/${total ?? "*"}`;
    const location = locationFor(plan.table.name, result.location);
    if (location) headers["Location"] = location;
    // A merge upsert that inserted nothing (it only updated, or had no rows) answers 200, whatever `return`.
    const status = plan.onConflict?.action === "merge" && (result.inserted ?? 0) === 0 ? 200 : 201;
    return reply(status, representation ? headers : withoutType(headers), representation ? body : null);
  }
  headers["Content-Range"] = contentRange(0, result.page, total);
  return representation ? reply(200, headers, body) : reply(204, withoutType(headers), null);
}

function withoutType(headers: Record<string, string>): Record<string, string> {
  const { ["Content-Type"]: _type, ...rest } = headers;
  void _type;
  return rest;
}
