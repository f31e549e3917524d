/**
 * Auth calls this server makes on a visitor's behalf (sign-in, sign-up, resend, recovery, OTP and
 * link verification, session refresh, password change) name the visitor's IP, so that Supabase Auth
 * applies its per-IP limits to that visitor and not to the server that all visitors share.
 *
 * The contract (Supabase "IP address forwarding"): a request made with a secret API key
 * (`sb_secret_…`) may carry `Sb-Forwarded-For: <visitor IP>`, and Auth rate-limits by it when the
 * project has IP address forwarding on. Publishable keys and the legacy service_role key cannot.
 *
 * So the session clients (server.ts, middleware.ts) get a fetch that, for requests to `/auth/v1/`
 * only, swaps the publishable key for the secret key and adds the header. Everything else — every
 * data read and write under `/rest/v1/` — leaves untouched, with the publishable key and the
 * person's own JWT, so RLS applies as before. The person's session stays in their cookies. The
 * wrapped clients cannot reach the Auth admin API (it would accept the secret key), and the secret
 * key never reaches the browser: this module is server only and the variable is not NEXT_PUBLIC_.
 */
import { createClient } from "@supabase/supabase-js";
import { clientIpFrom } from "@/lib/auth/client-ip";
import type { Database } from "@/lib/database.types";
import { publicEnv, visitorAuthEnv } from "@/lib/env";
import { createLogger } from "@/lib/logger";

const log = createLogger("supabase.visitor-auth");

export const FORWARDED_FOR_HEADER = "sb-forwarded-for";

export interface VisitorAuthConfig {
  supabaseUrl: string;
  /** The key the client was created with (publishable or legacy anon). */
  publicKey: string;
  secretKey: string;
  /** The visitor's IP; null → requests go out as they are (Auth then sees the server's address). */
  clientIp: string | null;
}

function requestUrl(input: RequestInfo | URL): URL {
  return new URL(input instanceof Request ? input.url : String(input));
}

/** Pure apart from `base`: the fetch described above. */
export function visitorAuthFetch(config: VisitorAuthConfig, base: typeof fetch = fetch): typeof fetch {
  const auth = new URL("auth/v1/", config.supabaseUrl.endsWith("/") ? config.supabaseUrl : `${config.supabaseUrl}/`);
  return async (input, init) => {
    const url = requestUrl(input);
    if (url.origin !== auth.origin || !url.pathname.startsWith(auth.pathname)) return base(input, init);
    if (url.pathname.startsWith(`${auth.pathname}admin/`)) {
      throw new Error("A visitor's Supabase client must not call the Auth admin API");
    }
    if (config.clientIp === null) return base(input, init);
    const headers = new Headers(input instanceof Request ? input.headers : undefined);
    new Headers(init?.headers).forEach((value, name) => headers.set(name, value));
    headers.set("apikey", config.secretKey);
    // The client's own key as a bearer would contradict the secret key; a person's JWT stays.
    if (headers.get("authorization") === `Bearer ${config.publicKey}`) headers.delete("authorization");
    headers.set(FORWARDED_FOR_HEADER, config.clientIp);
    return base(input instanceof Request ? new Request(input, { ...init, headers }) : input, { ...init, headers });
  };
}

let warnedNoSecretKey = false;
let warnedNoTrustedHeader = false;

/**
 * The client options for a visitor's session client, from the request's headers: `{ global: { fetch } }`,
 * or nothing when SUPABASE_SECRET_KEY is not set (then Auth sees every visitor as the server).
 */
export function visitorAuthOptions(requestHeaders: Headers): { global?: { fetch: typeof fetch } } {
  if (typeof window !== "undefined") throw new Error("visitorAuthOptions() is server only");
  const { secretKey, trustedClientIpHeader } = visitorAuthEnv();
  if (!secretKey) {
    if (!warnedNoSecretKey) {
      warnedNoSecretKey = true;
      log.warn("SUPABASE_SECRET_KEY is not set: Auth rate-limits every visitor as this server's address");
    }
    return {};
  }
  const { supabaseUrl, supabaseKey } = publicEnv();
  const clientIp = clientIpFrom(requestHeaders, trustedClientIpHeader);
  if (clientIp === null && trustedClientIpHeader && !warnedNoTrustedHeader) {
    // A misnamed header would quietly put every visitor back into the server's one bucket.
    warnedNoTrustedHeader = true;
    log.warn("a request has no IP address in TRUSTED_CLIENT_IP_HEADER; its Auth calls are not forwarded", {
      header: trustedClientIpHeader,
    });
  }
  return { global: { fetch: visitorAuthFetch({ supabaseUrl, publicKey: supabaseKey, secretKey, clientIp }) } };
}

/**
 * A client without a session, for one Auth call on the visitor's behalf that must not touch their
 * cookies (checking the current password before a change). Same forwarding as the session clients.
 */
export function createStatelessVisitorClient(requestHeaders: Headers) {
  const { supabaseUrl, supabaseKey } = publicEnv();
  return createClient<Database>(supabaseUrl, supabaseKey, {
    ...visitorAuthOptions(requestHeaders),
    auth: { autoRefreshToken: false, persistSession: false, detectSessionInUrl: false },
  });
}
