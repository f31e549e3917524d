/**
 * Redirects with a relative Location. Behind `next dev`/`next start` (and proxies) `request.url` can
 * name another host than the one the browser used (localhost vs 127.0.0.1), and cookies are per
 * host — a relative Location keeps the browser on the host it is on.
 */
import { NextResponse } from "next/server";

export function relativeRedirect(path: string, status: 303 | 307 = 307): NextResponse {
  if (!path.startsWith("/") || path.startsWith("//")) throw new Error(`not a same-site path: ${path}`);
  return new NextResponse(null, { status, headers: { Location: path } });
}

/**
 * For middleware, where Next.js requires an absolute Location: the path on the host the browser
 * used (Host / X-Forwarded-Host), not `request.url`'s host.
 */
export function sameHostUrl(request: { headers: Headers; nextUrl: URL }, path: string): URL {
  if (!path.startsWith("/") || path.startsWith("//")) throw new Error(`not a same-site path: ${path}`);
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  const proto =
    request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim() ?? request.nextUrl.protocol.replace(":", "");
  const base = host ? `${proto}://${host}` : request.nextUrl.origin;
  return new URL(path, base);
}
