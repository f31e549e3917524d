/**
 * Runs before every page: refreshes the Supabase session (lib/supabase/middleware.ts) and redirects
 * optimistically — signed-out visitors of app pages go to /login?next=…, signed-in visitors of
 * /login or /signup go where they belong (page loads only: action calls are answered by the action). Never the only guard: pages and actions check the user too.
 * Before the session: bodies declared over the limit (413), paths that do not decode (404) and action
 * calls whose arguments are not a list (400) are refused in words. When Auth is down the session is
 * unknown, not gone: protected page loads get the 503 page and nobody is sent to /login.
 */
import type { NextRequest } from "next/server";
import { safeNextPath } from "@/lib/auth/next-path";
import { isProtectedPath, isSignedOutOnlyPath } from "@/lib/auth/routes";
import { isActionCall, malformedActionResponse } from "@/lib/input/action-args";
import { malformedPathResponse } from "@/lib/input/bad-path";
import { tooLargeResponse } from "@/lib/input/too-large";
import { secondFactorRedirect } from "@/lib/auth/second-factor-redirect";
import { redirectWithSession, updateSession } from "@/lib/supabase/middleware";
import { unavailableResponse } from "@/lib/unavailable-page";

export async function middleware(request: NextRequest) {
  const refused =
    tooLargeResponse(request) ?? malformedPathResponse(request) ?? (await malformedActionResponse(request));
  if (refused) return refused;
  const session = await updateSession(request);
  const { pathname, search } = request.nextUrl;

  // Auth is down: the session is unknown, not gone. Pages answer 503; form posts go on to their
  // action, which answers a form-level error with the typed values kept.
  if (session.unavailable) {
    const isPageLoad = request.method === "GET" || request.method === "HEAD";
    return isPageLoad && isProtectedPath(pathname) ? unavailableResponse(`${pathname}${search}`) : session.response;
  }

  // Action calls answer for themselves: each checks the session and answers "signed out" in words with
  // the typed values kept. A redirect would lose that answer, and Next.js forwards a call to the page
  // that holds the action, where a redirect comes back as an empty `{}`.
  if (isActionCall(request)) return session.response;

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
