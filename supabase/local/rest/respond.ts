/**
 * Respond stage: status, headers and body for a result or an error (§D.4). Bodies
 * arrive as JSON text from Postgres and are written untouched (a singular body only loses its brackets).
 */
import type { ServerResponse } from "node:http";
import { ApiError } from "./errors";

export const JSON_TYPE = "application/json; charset=utf-8";
export const OBJECT_TYPE = "application/vnd.pgrst.object+json; charset=utf-8";

export function send(res: ServerResponse, status: number, headers: Record<string, string>, body: string | null): void {
  if (res.headersSent) return;
  res.statusCode = status;
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  res.end(body ?? undefined);
}

export function sendError(res: ServerResponse, error: ApiError, head = false): void {
  send(
    res,
    error.status,
    { "Content-Type": JSON_TYPE, "Proxy-Status": `PostgREST; error=${error.code}`, ...error.headers },
    head ? null : JSON.stringify(error.body()),
  );
}

export function singularError(rows: number): ApiError {
  return new ApiError(
    406,
    "PGRST116",
    "Cannot coerce the result to a single JSON object",
    `The result contains ${rows} rows`,
  );
}

/** `[{…}]` → `{…}`: json_agg writes exactly one element between the brackets. */
export function unwrapSingle(body: string | null): string {
  if (body === null || body === "[]") return "null";
  return body.slice(1, -1);
}

export function contentRange(offset: number, page: number, total: number | null): string {
  const totalText = total === null ? "*" : String(total);
  return page === 0 ? `*/${totalText}` : `${offset}-${offset + page - 1}/${totalText}`;
}

/** 200, 206 when the page is a strict part of a known total, 416 past the end (PostgREST's rangeStatus). */
export function rangeStatus(offset: number, page: number, total: number | null): number {
  if (total === null) return 200;
  if (offset > total) return 416;
  return page < total ? 206 : 200;
}

export function rangeNotSatisfiable(offset: number, total: number): ApiError {
  return new ApiError(
    416,
    "PGRST103",
    "Requested range not satisfiable",
    `An offset of ${offset} was requested, but there are only ${total} rows.`,
  );
}
