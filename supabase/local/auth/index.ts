/**
 * The GoTrue-compatible Auth service of the local stack. Wires config,
 * pool, mailer and JWT keys into the router; turns every failure into GoTrue's error answer so
 * that one bad request never takes the server down.
 */
import type pg from "pg";
import type { Mailer, Service } from "../contracts.ts";
import type { LocalConfig } from "../config.ts";
import type { JwtKeys } from "../jwt.ts";
import { AuthError, errorResponse } from "./errors.ts";
import { sendJson, sendEmpty } from "./http.ts";
import { RateLimiter } from "./rate-limit.ts";
import { MethodNotAllowed, route } from "./router.ts";
import type { AuthRuntime } from "./runtime.ts";
import { withForwardedIp } from "./sbff.ts";
import { authSettings } from "./settings.ts";

export interface AuthDeps {
  /** Logs in as supabase_auth_admin. */
  pool: pg.Pool;
  config: LocalConfig;
  mailer: Mailer;
  /** Signs access tokens and verifies bearers (signing keys + the legacy HS256 secret). */
  jwtKeys: JwtKeys;
  /** e.g. http://127.0.0.1:54321; the issuer is `${apiUrl}/auth/v1`. */
  apiUrl: string;
}

export function createAuthService(deps: AuthDeps): Service {
  const settings = authSettings(deps.config, deps.apiUrl);
  const rt: AuthRuntime = {
    pool: deps.pool,
    settings,
    mailer: deps.mailer,
    jwtKeys: deps.jwtKeys,
    tokens: {
      keys: deps.jwtKeys,
      issuer: settings.externalUrl,
      jwtExpiry: settings.jwtExpiry,
      customAccessTokenHook: settings.hooks.customAccessToken,
    },
    limiter: new RateLimiter(settings.rateLimit),
  };
  return {
    async handle(req, res, ctx) {
      const version = req.headers["x-supabase-api-version"];
      try {
        const handler = route(req.method ?? "GET", ctx.path);
        await handler({ req, res, ctx: withForwardedIp(req, ctx, settings.sbForwardedForEnabled), rt });
      } catch (error) {
        if (error instanceof MethodNotAllowed) {
          if (!res.headersSent) sendEmpty(res, 405);
          return;
        }
        const answer = errorResponse(error, typeof version === "string" ? version : undefined);
        if (answer.status >= 500) {
          // Database failures were already logged with their SQLSTATE where they happened.
          const detail = error instanceof AuthError ? `${error.message}${error.internal ? "" : " (no cause)"}` : error;
          console.error(`[auth] ${answer.status} ${req.method} ${ctx.path}:`, detail);
        }
        if (res.headersSent) {
          res.destroy();
          return;
        }
        sendJson(res, answer.status, answer.body, answer.headers);
      }
    },
  };
}
