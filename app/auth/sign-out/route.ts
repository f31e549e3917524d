/**
 * POST /auth/sign-out: ends this browser's session (GoTrue revokes its refresh tokens) and clears
 * the cookies. POST only, and only from this site's own pages (Origin checked), so no link, image or
 * other site can sign anyone out.
 */
import { cookies } from "next/headers";
import { NextResponse, type NextRequest } from "next/server";
import { relativeRedirect } from "@/lib/auth/redirect";
import { createLogger } from "@/lib/logger";
import { createClient } from "@/lib/supabase/server";

const log = createLogger("auth.sign-out");

/** Browsers send Origin on POST; it must name the host the request came to. */
function isSameSite(request: NextRequest): boolean {
  const origin = request.headers.get("origin");
  if (!origin) return true;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

export async function POST(request: NextRequest) {
  if (!isSameSite(request)) {
    return NextResponse.json({ error: "Cross-site sign-out refused" }, { status: 403 });
  }
  const supabase = await createClient();
  const { error } = await supabase.auth.signOut({ scope: "local" });
  if (error) {
    // supabase-js keeps the session when the server could not be reached; the person asked to leave.
    log.warn("Sign-out reported an error; clearing the session cookies anyway", { code: error.code });
    const store = await cookies();
    for (const cookie of store.getAll()) if (cookie.name.startsWith("sb-")) store.delete(cookie.name);
  }
  return relativeRedirect("/login?notice=signed-out", 303);
}
