/**
 * A path whose percent-encoding does not decode to UTF-8 (`/onboarding/%E0%A4%A`) names no page:
 * the middleware answers it with the 404 page before the router tries (and fails) to decode it.
 */
import { NextResponse, type NextRequest } from "next/server";

/** No route has this path, so rewriting to it renders app/not-found.tsx with status 404. */
const NO_SUCH_PAGE = "/_malformed-path";

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
  return NextResponse.rewrite(new URL(NO_SUCH_PAGE, request.url), { status: 404 });
}
