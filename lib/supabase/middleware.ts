/**
 * Session refresh for every request (called from the root `middleware.ts`). Reads the session cookies,
 * lets supabase-js refresh an expiring access token, and writes the new cookies to both the request
 * (so server components of this request see them) and the response (so the browser keeps them).
 */
import { createServerClient } from "@supabase/ssr";
import { NextResponse, type NextRequest } from "next/server";
import { sessionAssurance } from "@/lib/auth/assurance";
import { sameHostUrl } from "@/lib/auth/redirect";
import type { Database } from "@/lib/database.types";
import { publicEnv } from "@/lib/env";
import { authCookieOptions } from "./auth-cookies";
import { isAuthOutage } from "./outage";
import { visitorAuthOptions } from "./visitor-auth";

export interface SessionResult {
  /** The response to return (or to copy cookies from when redirecting). */
  response: NextResponse;
  /** The verified user id, or null when signed out (or when Auth could not say). */
  userId: string | null;
  /** Auth could not be reached or failed: the session is unknown, not gone (its cookies are kept). */
  unavailable: boolean;
  /** Signed in with a password (aal1) but the user has a verified factor: the code page comes first. */
  secondFactorDue: boolean;
}

export async function updateSession(request: NextRequest): Promise<SessionResult> {
  let response = NextResponse.next({ request });
  const { supabaseUrl, supabaseKey } = publicEnv();

  const supabase = createServerClient<Database>(supabaseUrl, supabaseKey, {
    ...visitorAuthOptions(request.headers),
    cookies: {
      getAll() {
        return request.cookies.getAll();
      },
      setAll(cookiesToSet, headers) {
        for (const { name, value } of cookiesToSet) request.cookies.set(name, value);
        response = NextResponse.next({ request });
        for (const { name, value, options } of cookiesToSet)
          response.cookies.set(name, value, authCookieOptions(name, options));
        // Responses that carry a fresh session must not be cached by a CDN.
        for (const [key, value] of Object.entries(headers ?? {})) response.headers.set(key, value);
      },
    },
  });

  // IMPORTANT: nothing may run between creating the client and getClaims(). getClaims() is what
  // refreshes an expired session; code in between could read a stale session or race the refresh
  // and sign the person out at random.
  const { data, error } = await supabase.auth.getClaims();
  const sub = data?.claims?.sub;
  const userId = typeof sub === "string" && sub ? sub : null;
  if (isAuthOutage(error)) return { response, userId: null, unavailable: true, secondFactorDue: false };
  // Auth unreachable: no redirect here; the page asks again (getSessionUser) and fails closed with the
  // "unavailable" answer, keeping the session.
  const assurance = userId ? await sessionAssurance(supabase, data!.claims).catch(() => "unknown") : null;
  if (assurance === "signed-out") return { response, userId: null, unavailable: false, secondFactorDue: false };
  return { response, userId, unavailable: false, secondFactorDue: assurance === "second-factor-due" };
}

/**
 * A redirect to a same-site path that keeps the refreshed session cookies (dropping them would sign
 * the person out). The Location keeps the browser on the host it used.
 */
export function redirectWithSession(request: NextRequest, session: SessionResult, path: string): NextResponse {
  const redirect = NextResponse.redirect(sameHostUrl(request, path));
  for (const cookie of session.response.cookies.getAll()) redirect.cookies.set(cookie);
  const cacheControl = session.response.headers.get("Cache-Control");
  if (cacheControl) redirect.headers.set("Cache-Control", cacheControl);
  return redirect;
}
