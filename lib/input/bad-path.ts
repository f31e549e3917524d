/**
 * A path whose percent-encoding does not decode to UTF-8 (`/onboarding/%E0%A4%A`) names no page:
 * the middleware answers it with a 404 page before the router tries (and fails) to decode it.
 *
 * The page is written here rather than reached by a rewrite: the middleware sees the URL of the Host
 * header, which is not the origin the server listens on whenever it sits behind a proxy or a name
 * other than its bind address, and Next.js sends a rewrite to another origin out as an HTTP proxy
 * request (which here failed with "socket hang up" and a 500).
 */
import { NextResponse, type NextRequest } from "next/server";
import { staticPageHtml } from "@/lib/static-page";

export function hasMalformedEncoding(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return false;
  } catch {
    return true;
  }
}

export function malformedPathResponse(request: NextRequest): NextResponse | null {
  if (!hasMalformedEncoding(request.nextUrl.pathname)) return null;
  const html = staticPageHtml({
    title: "Page not found",
    heading: "Page not found",
    text: "The page you are looking for does not exist or has moved.",
    link: { href: "/", label: "Back to the home page" },
  });
  return new NextResponse(html, { status: 404, headers: { "Content-Type": "text/html; charset=utf-8" } });
}
