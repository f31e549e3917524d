/**
 * The GoTrue-compatible Auth service of the local stack (DESIGN §4, reference §A). This module only
 * wires dependencies together; the endpoint families live in their own modules.
 * STUB: answers every request with GoTrue's 404 until the real router lands.
 */
import type pg from "pg";
import type { Mailer, Service } from "../contracts.ts";
import type { LocalConfig } from "../config.ts";

export interface AuthDeps {
  /** Logs in as supabase_auth_admin. */
  pool: pg.Pool;
  config: LocalConfig;
  mailer: Mailer;
  jwtSecret: string;
  /** e.g. http://127.0.0.1:54321; the issuer is `${apiUrl}/auth/v1`. */
  apiUrl: string;
}

export function createAuthService(deps: AuthDeps): Service {
  void deps;
  return {
    async handle(_req, res) {
      res.writeHead(404, { "Content-Type": "application/json", "X-Supabase-Api-Version": "2024-01-01" });
      res.end(JSON.stringify({ code: 404, error_code: "not_found", msg: "Not Found" }));
    },
  };
}
