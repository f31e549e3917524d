/**
 * Runs before every page: refreshes the Supabase session (lib/supabase/middleware.ts) and redirects
 * optimistically — signed-out visitors of app pages go to /login?next=…, signed-in visitors of
 * /login or /signup go where they belong. Never the only guard: pages and actions check the user too.
 */
import type { NextRequest } from "next/server";
import { safeNextPath } from "@/lib/auth/next-path";
import { isProtectedPath, isSignedOutOnlyPath } from "@/lib/auth/routes";
import { secondFactorRedirect } from "@/lib/auth/second-factor-redirect";
import { redirectWithSession, updateSession } from "@/lib/supabase/middleware";

export async function middleware(request: NextRequest) {
  const session = await updateSession(request);
  const { pathname, search } = request.nextUrl;

  const secondFactor = secondFactorRedirect(pathname, search, session);
  if (secondFactor) return redirectWithSession(request, session, secondFactor);

  if (!session.userId && isProtectedPath(pathname)) {
    return redirectWithSession(request, session, `/login?next=${encodeURIComponent(`${pathname}${search}`)}`);
  }

  if (session.userId && isSignedOutOnlyPath(pathname)) {
    const next = pathname === "/login" ? safeNextPath(request.nextUrl.searchParams.get("next")) : "/onboarding";
    return redirectWithSession(request, session, next);
  }

  return session.response;
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|.*\\.(?:svg|png|jpg|jpeg|gif|webp|ico)$).*)"],
};
