/**
 * How the auth cookies @supabase/ssr writes are stored in the browser. No browser code reads the
 * session (every Supabase call runs on the server: server components, actions, route handlers,
 * middleware), so the cookies are HttpOnly: a script injected into a page cannot lift the refresh
 * token. Secure everywhere except a plain-http loopback site (dev server, e2e build).
 *
 * Lifetimes: @supabase/ssr writes every cookie with a 400-day Max-Age. The session cookie instead lives
 * as long as a session may sit unused: each refresh (at least once per access-token lifetime while
 * someone uses the app) writes it again, so seven idle days sign the browser out. A PKCE verifier
 * only has to outlive the mail link it belongs to (`otp_expiry`, one hour). A Max-Age of 0 is a
 * deletion and stays one.
 */
import type { CookieOptions } from "@supabase/ssr";

export const SESSION_COOKIE_MAX_AGE = 7 * 24 * 60 * 60;
export const VERIFIER_COOKIE_MAX_AGE = 60 * 60;

const LOOPBACK_HTTP = /^http:\/\/(localhost|127\.\d{1,3}\.\d{1,3}\.\d{1,3}|\[::1\])(:\d+)?(\/|$)/;

export function secureCookies(production: boolean, siteUrl: string | undefined): boolean {
  return production && !LOOPBACK_HTTP.test(siteUrl ?? "");
}

/** The options one auth cookie is written with; `name` tells a PKCE verifier from the session. */
export function authCookieOptions(
  name: string,
  options: CookieOptions,
  secure = secureCookies(process.env.NODE_ENV === "production", process.env.NEXT_PUBLIC_SITE_URL),
): CookieOptions {
  const maxAge =
    options.maxAge === 0 ? 0 : /-code-verifier$/.test(name) ? VERIFIER_COOKIE_MAX_AGE : SESSION_COOKIE_MAX_AGE;
  return { ...options, path: "/", sameSite: "lax", httpOnly: true, secure, maxAge };
}
