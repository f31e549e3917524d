/**
 * The `?next=` sanitiser: only paths on this site survive; anything else becomes the default page.
 * Normalise first, then check: the value is parsed as a URL against a probe origin exactly as a browser
 * would resolve it (dot segments, `%2e` dots, backslashes, tabs and newlines all applied), and only the
 * resolved path is kept. "/.//evil.com" resolves to the path "//evil.com", which a browser would read as
 * another host, so it is refused. Never throws. Used by the login page, the sign-in actions,
 * /auth/confirm and the middleware.
 */
export const DEFAULT_NEXT = "/onboarding";

const MAX_LENGTH = 2048;
const PROBE_ORIGIN = "http://next.invalid";
// A resolved path that a browser or a later decode could read as "//host" or "/\host".
const AMBIGUOUS_START = /^\/(\/|\\|%2f|%5c)/i;

function resolve(input: string): string | null {
  let url: URL;
  try {
    url = new URL(input, PROBE_ORIGIN);
  } catch {
    return null;
  }
  if (url.origin !== PROBE_ORIGIN || url.username || url.password) return null;
  if (AMBIGUOUS_START.test(url.pathname)) return null;
  return `${url.pathname}${url.search}${url.hash}`;
}

export function safeNextPath(input: unknown, fallback: string = DEFAULT_NEXT): string {
  if (typeof input !== "string" || input.length === 0 || input.length > MAX_LENGTH) return fallback;
  // Only site-relative paths are accepted as input; absolute URLs, schemes and bare words are not.
  if (!input.startsWith("/")) return fallback;
  const path = resolve(input);
  // The result must be a fixed point: resolving it again gives the same path on the same site.
  if (path === null || resolve(path) !== path) return fallback;
  return path;
}

/** `/login?next=<path>` for a page the visitor tried to reach. */
export function loginUrlFor(path: string): string {
  const next = safeNextPath(path, "");
  return next && next !== "/" ? `/login?next=${encodeURIComponent(next)}` : "/login";
}
