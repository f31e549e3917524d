/**
 * Redirects that stay on this site. Location headers never come from X-Forwarded-Host/-Proto or Host:
 * a client can send any of them, and whatever they name would end up in the browser's address bar.
 */
import { NextResponse } from "next/server";

function assertSitePath(path: string): void {
  if (!path.startsWith("/") || path.startsWith("//") || path.startsWith("/\\")) {
    throw new Error(`not a same-site path: ${path}`);
  }
}

/**
 * A relative Location: the browser stays on the host it is on (cookies are per host, and behind
 * `next start` or a proxy `request.url` can name another host than the one the browser used).
 */
export function relativeRedirect(path: string, status: 303 | 307 = 307): NextResponse {
  assertSitePath(path);
  return new NextResponse(null, { status, headers: { Location: path } });
}

/**
 * For middleware, where Next.js requires an absolute URL: the path on the request's own URL. Next.js
 * turns a redirect to the request's own host back into a relative Location before it leaves the
 * server, so the browser keeps its host and no header a client sent is echoed.
 */
export function sameHostUrl(request: { nextUrl: URL }, path: string): URL {
  assertSitePath(path);
  return new URL(path, request.nextUrl.origin);
}
