/**
 * The `?next=` sanitiser: only same-site relative paths survive; anything else (other origins,
 * protocol-relative `//host`, backslash tricks, control characters, javascript:) becomes the default.
 * Used by the login page, the sign-in action, /auth/confirm and the middleware.
 */
export const DEFAULT_NEXT = "/onboarding";

const MAX_LENGTH = 2048;
// Browsers drop tabs/newlines inside URLs and treat "\" like "/", so "/\t/evil" and "/\evil" are
// really "//evil" — refuse any of them rather than try to normalise.
const FORBIDDEN = /[\\\u0000-\u001f\u007f\s]/;
const PROBE_ORIGIN = "http://next.invalid";

export function safeNextPath(input: unknown, fallback: string = DEFAULT_NEXT): string {
  if (typeof input !== "string" || input.length === 0 || input.length > MAX_LENGTH) return fallback;
  if (!input.startsWith("/") || input.startsWith("//") || FORBIDDEN.test(input)) return fallback;
  let url: URL;
  try {
    url = new URL(input, PROBE_ORIGIN);
  } catch {
    return fallback;
  }
  if (url.origin !== PROBE_ORIGIN) return fallback;
  // Percent-encoded slashes/backslashes at the start could be decoded into "//host" by something downstream.
  if (/^\/(%2f|%5c)/i.test(url.pathname)) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** `/login?next=<path>` for a page the visitor tried to reach. */
export function loginUrlFor(path: string): string {
  const next = safeNextPath(path, "");
  return next && next !== "/" ? `/login?next=${encodeURIComponent(next)}` : "/login";
}
