/**
 * Parse stage entry point (pure): method + path + query + headers + body text → ApiRequest.
 * Nothing here looks at the database; names are checked later by the plan stage.
 */
import type { IncomingHttpHeaders } from "node:http";
import { ApiError, ParseError } from "../errors";
import { negotiate } from "../media";
import { parseColumnList } from "./order";
import { collectFilter, collectReserved } from "./params";
import { parsePrefer } from "./prefer";
import { parseSelect } from "./select";
import type { ApiRequest, RawBody, Target } from "./ast";

export interface RawRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: string | null;
  /** The body already parsed by `parseJsonBody` (the preparer needs it for its cache key). */
  parsedBody?: unknown;
  schemas: string[];
  /** `pgrst.db_plan_enabled`: whether `application/vnd.pgrst.plan` may be negotiated. */
  planEnabled?: boolean;
  /** A raw rpc body, decoded by `payload.ts`. */
  raw?: RawBody;
  /** A form-urlencoded rpc body as its pairs, decoded by `payload.ts`. */
  form?: [string, string][];
  /** A JSON rpc body as sent, decoded by `payload.ts`. */
  bodyText?: string;
}

const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"] as const;

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value.join(",") : value;
}

export function parseTarget(path: string): Target {
  const parts = path.split("/").filter((p) => p !== "");
  let decoded: string[];
  try {
    decoded = parts.map((p) => decodeURIComponent(p));
  } catch {
    decoded = [];
  }
  if (parts.length === 0) return { kind: "root" };
  if (decoded.length === 1 && decoded[0]) return { kind: "table", name: decoded[0] };
  if (decoded.length === 2 && decoded[0] === "rpc" && decoded[1]) return { kind: "rpc", name: decoded[1] };
  throw new ApiError(404, "PGRST125", "Invalid path specified in request URL");
}

function parseSchema(raw: RawRequest): string {
  const name = raw.method === "GET" || raw.method === "HEAD" ? "accept-profile" : "content-profile";
  const wanted = header(raw.headers, name);
  const [first] = raw.schemas;
  if (wanted === undefined || wanted === "") return first ?? "public";
  if (!raw.schemas.includes(wanted)) {
    throw new ParseError(
      406,
      "PGRST106",
      `Invalid schema: ${wanted}`,
      null,
      `Only the following schemas are exposed: ${raw.schemas.join(", ")}`,
    );
  }
  return wanted;
}

/** JSON nested deeper than this is refused: later stages walk values recursively. */
const MAX_JSON_DEPTH = 256;

function jsonDepth(value: unknown): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop() as [unknown, number];
    if (typeof current !== "object" || current === null) continue;
    deepest = Math.max(deepest, depth);
    if (deepest > MAX_JSON_DEPTH) return deepest;
    for (const child of Object.values(current)) stack.push([child, depth + 1]);
  }
  return deepest;
}

function parseBody(raw: RawRequest, target: Target): unknown {
  if (raw.method !== "POST" && raw.method !== "PUT" && raw.method !== "PATCH") return undefined;
  if (raw.parsedBody !== undefined) return raw.parsedBody;
  return parseJsonBody(raw.body ?? "", target);
}

/** The JSON body, refused with PGRST102 when it is not JSON or nests absurdly deep. */
export function parseJsonBody(text: string, target: Target): unknown {
  if (text.trim() === "" && target.kind === "rpc") return {};
  let body: unknown;
  try {
    body = JSON.parse(text) as unknown;
  } catch {
    // PostgREST drops its parser's message in favour of this generic answer.
    throw new ParseError(400, "PGRST102", "Empty or invalid json");
  }
  if (jsonDepth(body) > MAX_JSON_DEPTH) {
    throw new ParseError(400, "PGRST102", "Empty or invalid json", `JSON nested deeper than ${MAX_JSON_DEPTH} levels`);
  }
  return body;
}

export function parseRequest(raw: RawRequest): ApiRequest {
  const method = METHODS.find((m) => m === raw.method);
  if (!method) throw new ApiError(405, "PGRST117", `Unsupported HTTP method: ${raw.method}`);
  const target = parseTarget(raw.path);
  const request: ApiRequest = {
    method,
    target,
    schema: parseSchema(raw),
    select: [{ kind: "star" }],
    conditions: [],
    orders: [],
    limits: [],
    prefer: parsePrefer(raw.headers["prefer"]),
    ...negotiate(header(raw.headers, "accept"), {
      root: target.kind === "root",
      planEnabled: raw.planEnabled ?? false,
    }),
    body: parseBody(raw, target),
    ...(raw.raw && { raw: raw.raw }),
    ...(raw.form && { form: raw.form }),
    ...(raw.bodyText !== undefined && { bodyText: raw.bodyText }),
    rpcParams: [],
  };
  for (const [key, value] of raw.query) {
    if (key === "select") request.select = parseSelect(value);
    else if (key === "columns") request.columns = parseColumnList(value, "columns parameter");
    else if (key === "on_conflict") request.onConflict = parseColumnList(value, "on_conflict parameter");
    else if (collectReserved(key, value, request)) continue;
    // GET rpc: a parameter is an argument or a filter, which only the function's signature can tell.
    else if (target.kind === "rpc") request.rpcParams.push([key, value]);
    else collectFilter(key, value, request);
  }
  applyRangeHeader(header(raw.headers, "range"), request);
  return request;
}

/** `Range: 0-9` (items) on reads, intersected with limit/offset like PostgREST. */
function applyRangeHeader(range: string | undefined, request: ApiRequest): void {
  if (!range || (request.method !== "GET" && request.method !== "HEAD")) return;
  const match = /^(?:items=)?(\d+)-(\d*)$/.exec(range.trim());
  if (!match) return;
  const from = Number(match[1]);
  const to = match[2] ? Number(match[2]) : undefined;
  if (to !== undefined && to < from) {
    throw new ApiError(
      416,
      "PGRST103",
      "Requested range not satisfiable",
      `The lower boundary must be lower than or equal to the upper boundary in the Range header.`,
    );
  }
  let root = request.limits.find((l) => l.path.length === 0);
  if (!root) request.limits.push((root = { path: [], value: {} }));
  const offset = (root.value.offset ?? 0) + from;
  root.value.offset = offset;
  if (to !== undefined) root.value.limit = Math.min(root.value.limit ?? Infinity, to - from + 1);
}
