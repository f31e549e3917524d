/**
 * The Supabase client for server components, server actions and route handlers: the session lives in
 * the request's cookies. Create one per request (never share it between requests).
 */
import { createServerClient } from "@supabase/ssr";
import { cookies, headers } from "next/headers";
import { cache } from "react";
import { fullNameOf } from "@/lib/account/full-name";
import type { Database } from "@/lib/database.types";
import { sessionAssurance } from "@/lib/auth/assurance";
import { publicEnv } from "@/lib/env";
import { authCookieOptions } from "./auth-cookies";
import { isAuthOutage, outageWatch, ServiceUnavailableError } from "./outage";
import { visitorAuthOptions } from "./visitor-auth";

export async function createClient() {
  const cookieStore = await cookies();
  const { supabaseUrl, supabaseKey } = publicEnv();
  const watch = outageWatch(visitorAuthOptions(await headers()).global?.fetch);
  const client = createServerClient<Database>(supabaseUrl, supabaseKey, {
    global: { fetch: watch.fetch },
    cookies: {
      getAll() {
        return cookieStore.getAll();
      },
      setAll(cookiesToSet) {
        try {
          for (const { name, value, options } of cookiesToSet)
            cookieStore.set(name, value, authCookieOptions(name, options));
        } catch {
          // Server components cannot set cookies. That is fine: the middleware refreshes the session
          // and writes the cookies on every request before any server component runs.
        }
      },
    },
  });
  watch.adopt(client);
  return client;
}

export type ServerSupabase = Awaited<ReturnType<typeof createClient>>;

export interface SessionUser {
  id: string;
  email: string | null;
  /** `user_metadata.full_name` as the session's claims carry it (display only). */
  fullName: string | null;
  /** How this session was started, newest first (the JWT's `amr`: "password", "recovery", "otp", …). */
  signInMethods: string[];
  /** The Auth session this request belongs to (the JWT's `session_id`). */
  sessionId: string | null;
}

function methodsOf(amr: unknown): string[] {
  if (!Array.isArray(amr)) return [];
  return amr
    .map((entry: unknown) =>
      typeof entry === "string"
        ? entry
        : entry && typeof entry === "object" && "method" in entry && typeof entry.method === "string"
          ? entry.method
          : null,
    )
    .filter((method): method is string => method !== null);
}

/**
 * The signed-in user from the verified access token. getClaims checks the signature against the
 * project's published signing key (JWKS, fetched once and cached), so this asks Auth nothing; with a
 * legacy HS256-only project it would ask GET /auth/v1/user. Null when signed out, the session is invalid, or
 * it still owes its second factor (lib/auth/assurance.ts); throws ServiceUnavailableError when Auth cannot
 * be reached (that is not a sign-out).
 */
export async function getSessionUser(supabase?: ServerSupabase): Promise<SessionUser | null> {
  const claims = supabase ? await verifiedClaims(supabase) : await getRequestClaims();
  if (!claims) return null;
  // A password-only (aal1) session of a user with a verified factor is not signed in yet.
  if ((await sessionAssurance(supabase ?? (await createClient()), claims)) !== "complete") return null;
  const email = typeof claims.email === "string" && claims.email ? claims.email : null;
  const sessionId = typeof claims.session_id === "string" ? claims.session_id : null;
  return {
    id: claims.sub,
    email,
    fullName: fullNameOf(claims.user_metadata),
    signInMethods: methodsOf(claims.amr),
    sessionId,
  };
}

async function verifiedClaims(supabase: ServerSupabase) {
  const { data, error } = await supabase.auth.getClaims();
  if (error && isAuthOutage(error)) throw new ServiceUnavailableError(error);
  return error || !data?.claims?.sub ? null : data.claims;
}

/**
 * The request's verified claims, once per server render: the layout, the header and the page all
 * need them, and one verification (or one round trip with HS256-only keys) is enough.
 */
export const getRequestClaims = cache(async () => verifiedClaims(await createClient()));
