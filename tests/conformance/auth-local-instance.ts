/**
 * A second, in-process Auth service against the stack's database, with its own config overlay — how
 * the conformance suite covers settings the running stack does not use (autoconfirm, tight rate
 * limits, disabled sign-ups) without code paths production never takes. Local stack only: it logs in
 * as supabase_auth_admin (password "postgres") on SUPABASE_DB_URL's server.
 */
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import path from "node:path";
import pg from "pg";
import { createAuthService } from "@/supabase/local/auth/index";
import { parseConfig, REPO_ROOT } from "@/supabase/local/config";
import type { OutgoingMail, Service } from "@/supabase/local/contracts";
import { createGateway } from "@/supabase/local/gateway";
import { forwardedAuthorization, LOCAL_JWT_SECRET } from "@/supabase/local/keys";
import { loadJwtKeys } from "@/supabase/local/signing-keys";
import { env } from "./auth-support";

export interface LocalAuth {
  url: string;
  mails: OutgoingMail[];
  close(): Promise<void>;
}

/**
 * `gateway: true` puts the stack's real gateway in front (apikey checks, bearer mapping, the
 * connection's address as client IP, Sb-Forwarded-For only with the secret key); without it the
 * service is called directly, as client 203.0.113.7.
 */
export async function startLocalAuth(overlayToml: string, options: { gateway?: boolean } = {}): Promise<LocalAuth> {
  const base = readFileSync(path.join(REPO_ROOT, "supabase", "config.toml"), "utf8");
  const config = parseConfig(base, overlayToml, {}, REPO_ROOT);
  const dbUrl = new URL(env.dbUrl);
  dbUrl.username = "supabase_auth_admin";
  dbUrl.password = "postgres";
  const jwtKeys = await loadJwtKeys(config.auth.signingKeysPath, LOCAL_JWT_SECRET);
  const pool = new pg.Pool({ connectionString: dbUrl.toString(), max: 4 });
  const mails: OutgoingMail[] = [];
  let server: Server | null = null;
  const ready = new Promise<number>((resolve) => {
    const noRest: Service = { handle: async (_req, res) => void res.writeHead(404).end() };
    const gateway = createGateway({
      auth: { handle: (...args) => auth.handle(...args) },
      rest: noRest,
      log: console.error,
      jwtKeys,
    });
    server = createServer((req, res) => {
      if (options.gateway) return gateway(req, res);
      const url = new URL(req.url ?? "/", "http://local.invalid");
      const apikey = typeof req.headers.apikey === "string" ? req.headers.apikey : undefined;
      void auth.handle(req, res, {
        path: url.pathname.replace(/^\/auth\/v1/, "") || "/",
        query: url.searchParams,
        authorization: forwardedAuthorization(apikey, req.headers.authorization),
        ip: "203.0.113.7",
      });
    });
    server.listen(0, "127.0.0.1", () => {
      const address = server?.address();
      resolve(typeof address === "object" && address ? address.port : 0);
    });
  });
  const port = await ready;
  const url = `http://127.0.0.1:${port}`;
  const auth = createAuthService({
    pool,
    config,
    mailer: { send: async (mail) => void mails.push(mail) },
    jwtKeys,
    apiUrl: url,
  });
  return {
    url,
    mails,
    async close() {
      await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
      await pool.end();
    },
  };
}

/**
 * An overlay with GoTrue's default confirmation mail, which carries the code; the project's branded
 * confirmation template leaves it out (the app confirms by link only). For the suites that pin
 * verifyOtp with a mailed sign-up code.
 */
export const DEFAULT_CONFIRMATION_MAIL = `
[auth.rate_limit]
sign_in_sign_ups = 100000
token_verifications = 100000
[auth.email]
max_frequency = "0s"
[auth.email.template.confirmation]
subject = ""
content_path = ""
`;

/** The newest mail the in-process Auth sent to `to`, shaped like an inbox message. */
export function lastLocalMailTo(
  local: LocalAuth,
  to: string,
): { ID: string; Subject: string; Text: string; HTML: string } {
  const mail = local.mails.filter((sent) => sent.to === to).at(-1);
  if (!mail) throw new Error(`no mail to ${to}`);
  return { ID: "", Subject: mail.subject, Text: mail.text, HTML: mail.html };
}
