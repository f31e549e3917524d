/** One request through the pipeline: body → JWT → parse/plan/SQL → transaction → answer, errors mapped. */
import type { IncomingMessage, ServerResponse } from "node:http";
import type pg from "pg";
import type { ServiceContext } from "../contracts";
import { answer } from "./answer";
import type { Authenticator } from "./auth";
import { ApiError } from "./errors";
import { preRequestSql, runInTransaction, toDbError } from "./execute";
import { callSettings } from "./func-settings";
import { txEnd } from "./tx-end";
import { openApiDocument } from "./openapi";
import type { Preparer } from "./prepare";
import { JSON_TYPE, send, sendError } from "./respond";
import type { SchemaCache } from "./schema/types";
import { ident } from "./sql/quote";

/**
 * Request bodies above this are refused with 413: as soon as `Content-Length` declares more, else when
 * the bytes read pass it. (PostgREST has no limit of its own; hosted puts one in front of it.)
 */
export const BODY_LIMIT = 1024 * 1024;
/** After an early 413 the rest of a declared body is drained for this long, then the socket closes. */
const DRAIN_MS = 5_000;

function tooLarge(limit: number): ApiError {
  return new ApiError(413, "PGRST413", `Request body exceeds the limit of ${limit} bytes`);
}

export interface HandlerDeps {
  pool: pg.Pool;
  auth: Authenticator;
  preparer: Preparer;
  schemaCache: () => Promise<SchemaCache>;
  searchPath: (schema: string) => string;
  anonRole: string;
}

/** The body's bytes (decoded by its Content-Type later, in `payload.ts`). */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers["content-length"] ?? 0);
  if (declared > limit) {
    // Answer now: waiting for a body that may never come would hold the client for minutes.
    const timer = setTimeout(() => req.socket.destroy(), DRAIN_MS);
    req.on("end", () => clearTimeout(timer));
    req.resume();
    return Promise.reject(tooLarge(limit));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(tooLarge(limit));
        req.resume();
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

export function searchPathFor(schema: string, extra: string[]): string {
  return [schema, ...extra].map(ident).join(", ");
}

export async function handleRequest(
  deps: HandlerDeps,
  req: IncomingMessage,
  res: ServerResponse,
  ctx: ServiceContext,
): Promise<void> {
  const method = req.method ?? "GET";
  let role = deps.anonRole;
  try {
    const withBody = method === "POST" || method === "PUT" || method === "PATCH";
    const body = withBody ? await readBody(req, BODY_LIMIT) : null;
    const identity = await deps.auth.identify(ctx.authorization);
    role = identity.role;
    const schema = await deps.schemaCache();
    if (method === "OPTIONS") return send(res, 200, { Allow: "OPTIONS,GET,HEAD,POST,PATCH,DELETE" }, null);
    if (ctx.path === "/" && method === "GET") {
      if (role !== "service_role") {
        // Hosted answers this from its gateway, in the gateway's shape.
        const refusal = {
          message: "Invalid API key",
          hint: "Only the service_role API key can be used for this endpoint.",
        };
        return send(res, 401, { "Content-Type": JSON_TYPE }, JSON.stringify(refusal));
      }
      const profile = req.headers["accept-profile"];
      const docSchema =
        typeof profile === "string" && schema.schemas.includes(profile) ? profile : (schema.schemas[0] ?? "public");
      return send(
        res,
        200,
        { "Content-Type": "application/openapi+json; charset=utf-8" },
        openApiDocument(schema, docSchema, req.headers.host),
      );
    }
    const prepared = deps.preparer.prepare(schema, req, ctx, body);
    const { request } = prepared;
    const end = txEnd(prepared, schema.config);
    const preRequest = preRequestSql(schema.config.get("db_pre_request"));
    const call = prepared.plan.kind === "call" ? callSettings(prepared.plan.call.fn, schema.config) : undefined;
    const { result } = await runInTransaction(
      deps.pool,
      {
        searchPath: deps.searchPath(request.schema),
        roleSettings: schema.roleSettings.get(role) ?? [],
        role,
        claimsJson: identity.claimsJson,
        method,
        path: ctx.path,
        headersJson: JSON.stringify(req.headers),
        ...(request.prefer.timezone !== undefined && { timezone: request.prefer.timezone }),
        ...(preRequest && { preRequest }),
        ...(call && { callSettings: call.settings, ...(call.isolation && { isolation: call.isolation }) }),
      },
      prepared.statement,
      prepared.readOnly,
      end.decide,
    );
    end.check(result);
    const extra: Record<string, string> = {};
    if (req.headers["accept-profile"] || req.headers["content-profile"]) extra["Content-Profile"] = request.schema;
    answer(res, prepared, result, extra, end.applied);
  } catch (error) {
    const head = method === "HEAD";
    if (error instanceof ApiError) return sendError(res, error, head);
    const dbError = toDbError(error, role, deps.anonRole);
    if (dbError) return sendError(res, dbError, head);
    console.error("[rest] unexpected error", error);
    send(
      res,
      500,
      { "Content-Type": JSON_TYPE },
      JSON.stringify({ code: "PGRST000", details: null, hint: null, message: "Internal server error" }),
    );
  }
}
