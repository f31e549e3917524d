/**
 * parse → plan → SQL for one request, with a bounded cache of the result for body-less requests
 * (GET/HEAD/DELETE repeat verbatim under load, so their statement is built once).
 */
import type { IncomingMessage } from "node:http";
import type { ServiceContext } from "../contracts";
import type { ApiRequest } from "./parse/ast";
import { parseRequest } from "./parse/request";
import { planRequest } from "./plan";
import type { Plan } from "./plan/types";
import type { SchemaCache } from "./schema/types";
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

  prepare(schema: SchemaCache, req: IncomingMessage, ctx: ServiceContext, body: string | null): Prepared {
    const method = req.method ?? "GET";
    const h = req.headers;
    const cacheable = body === null;
    const key = cacheable
      ? [
          method,
          ctx.path,
          ctx.query.toString(),
          h["accept"],
          h["prefer"],
          h["accept-profile"],
          h["content-profile"],
          h["range"],
        ].join("\u0000")
      : "";
    const hit = cacheable ? this.cache.get(key) : undefined;
    if (hit) return hit;
    const request = parseRequest({ method, path: ctx.path, query: ctx.query, headers: h, body, schemas: this.schemas });
    const plan = planRequest(schema, request, this.maxRows);
    const statement = buildStatement(plan, {
      count: request.prefer.count !== undefined,
      head: method === "HEAD",
      stripNulls: request.stripNulls,
    });
    const readOnly = plan.kind === "read" || (plan.kind === "call" && plan.readOnly);
    const offset =
      plan.kind === "read"
        ? (plan.node.offset ?? 0)
        : plan.kind === "call"
          ? (plan.node?.offset ?? plan.offset ?? 0)
          : 0;
    const prepared: Prepared = { request, plan, statement, readOnly, offset };
    if (cacheable) {
      if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
      this.cache.set(key, prepared);
    }
    return prepared;
  }
}
