/**
 * parse → plan → SQL for one request, with a bounded cache of the result: body-less requests
 * (GET/HEAD/DELETE) repeat verbatim under load, and single-object bodies repeat their keys, so their
 * statement is built once and only the body parameter changes.
 */
import type { IncomingMessage } from "node:http";
import type { ServiceContext } from "../contracts";
import type { ApiRequest, RawBody } from "./parse/ast";
import { parseRequest, parseTarget } from "./parse/request";
import { maxRowsFor } from "./max-rows";
import { decodePayload } from "./payload";
import { planRequest } from "./plan";
import type { Plan } from "./plan/types";
import type { SchemaCache } from "./schema/types";
import { explainStatement } from "./sql/explain";
import { buildStatement, type Statement } from "./sql/statement";

export interface Prepared {
  request: ApiRequest;
  plan: Plan;
  statement: Statement;
  readOnly: boolean;
  /** Offset of the root read, for Content-Range. */
  offset: number;
}

const CACHE_LIMIT = 2_000;

export class Preparer {
  private cache = new Map<string, Prepared>();

  constructor(
    private readonly schemas: string[],
    private readonly maxRows: number,
  ) {}

  clear(): void {
    this.cache = new Map();
  }

  /** `body`: the bytes of a POST/PATCH body (a string is taken as already decoded JSON text). */
  prepare(schema: SchemaCache, req: IncomingMessage, ctx: ServiceContext, body: Buffer | string | null): Prepared {
    const method = req.method ?? "GET";
    const h = req.headers;
    const base = [
      method,
      ctx.path,
      ctx.query.toString(),
      h["accept"],
      h["prefer"],
      h["accept-profile"],
      h["content-profile"],
      h["range"],
      h["content-type"],
    ].join("\u0000");
    // A single-object body (PATCH, one-row insert) reuses the statement of the same keys with a new body.
    let parsedBody: unknown;
    let raw: RawBody | undefined;
    let form: [string, string][] | undefined;
    let json: string | undefined;
    let key: string | null = base;
    if (body !== null) {
      const target = parseTarget(ctx.path);
      ({ body: parsedBody, raw, form, json } = decodePayload(body, header(h["content-type"]), target));
      key =
        target.kind === "table" && isPlainObject(parsedBody)
          ? `${base}\u0000${Object.keys(parsedBody).join("\u0001")}`
          : null;
    }
    const hit = key === null ? undefined : this.cache.get(key);
    if (hit) return parsedBody === undefined ? hit : withBody(hit, method, parsedBody);
    const request = parseRequest({
      method,
      path: ctx.path,
      query: ctx.query,
      headers: h,
      body: null,
      parsedBody,
      ...(raw && { raw }),
      ...(form && { form }),
      ...(json !== undefined && { bodyText: json }),
      schemas: this.schemas,
      planEnabled: /^(true|on|yes|1)$/i.test(schema.config.get("db_plan_enabled") ?? ""),
    });
    const maxRows = maxRowsFor(schema.config, this.maxRows);
    const plan = planRequest(schema, request, maxRows);
    const statement = statementFor(request, plan, maxRows);
    const readOnly = plan.kind === "read" || (plan.kind === "call" && plan.readOnly);
    const offset =
      plan.kind === "read"
        ? (plan.node.offset ?? 0)
        : plan.kind === "call"
          ? (plan.node?.offset ?? plan.offset ?? 0)
          : 0;
    const prepared: Prepared = { request, plan, statement, readOnly, offset };
    if (key !== null && (parsedBody === undefined || statement.bodyIndex !== undefined)) {
      if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
      this.cache.set(key, prepared);
    }
    return prepared;
  }
}

/** The statement a request runs: its plan's, in the negotiated body format, or the EXPLAIN of that. */
export function statementFor(request: ApiRequest, plan: Plan, maxRows: number | null): Statement {
  const built = buildStatement(plan, {
    ...(request.prefer.count && { count: request.prefer.count }),
    maxRows,
    head: request.method === "HEAD",
    stripNulls: request.stripNulls,
    csv: request.format === "csv",
  });
  return request.explain ? explainStatement(built, request.explain) : built;
}

function header(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The cached statement with this request's body in the body parameter (inserts take a one-row array). */
function withBody(prepared: Prepared, method: string, body: unknown): Prepared {
  const { statement } = prepared;
  if (statement.bodyIndex === undefined) return prepared;
  const params = statement.params.slice();
  params[statement.bodyIndex] = JSON.stringify(method === "POST" || method === "PUT" ? [body] : body);
  return { ...prepared, statement: { ...statement, params } };
}
