/**
 * What every endpoint handler receives: the request, its gateway context, and the service's shared
 * dependencies (pool, settings, mailer, token signing, rate limiter).
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type pg from "pg";
import type { Mailer, ServiceContext } from "../contracts.ts";
import type { JwtKeys } from "../jwt.ts";
import type { AuthSettings } from "./settings.ts";
import type { TokenDeps, ClientMeta } from "./tokens.ts";
import type { RateLimiter } from "./rate-limit.ts";
import { clientIp } from "./tokens.ts";

export interface AuthRuntime {
  pool: pg.Pool;
  settings: AuthSettings;
  mailer: Mailer;
  jwtKeys: JwtKeys;
  tokens: TokenDeps;
  limiter: RateLimiter;
}

export interface Call {
  req: IncomingMessage;
  res: ServerResponse;
  ctx: ServiceContext;
  rt: AuthRuntime;
}

export type Handler = (call: Call) => Promise<void>;

export function clientMeta(call: Call): ClientMeta {
  const agent = call.req.headers["user-agent"];
  return { ip: clientIp(call.ctx.ip), userAgent: typeof agent === "string" && agent !== "" ? agent : null };
}

/** The audience GoTrue serves (it honours an `X-JWT-AUD` header; default "authenticated"). */
export function requestAud(call: Call): string {
  const header = call.req.headers["x-jwt-aud"];
  return typeof header === "string" && header !== "" ? header : "authenticated";
}
