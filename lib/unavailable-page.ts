/**
 * The "briefly unavailable" answer: HTTP 503 with Retry-After, a small self-contained page (the
 * middleware sends it before any React renders, and it must not depend on the backend that is down).
 * It never touches cookies: the visitor is still signed in when the backend comes back.
 */
import { NextResponse } from "next/server";
import { safeNextPath } from "@/lib/auth/next-path";
import { RETRY_AFTER_SECONDS } from "@/lib/supabase/outage";
import { staticPageHtml } from "@/lib/static-page";

/** 503 for the page at `retryPath` (a same-site path; anything else falls back to the default). */
export function unavailableResponse(retryPath: string): NextResponse {
  const html = staticPageHtml({
    title: "Briefly unavailable",
    heading: "Autoprofile is briefly unavailable",
    text: "We cannot reach our servers right now. You are still signed in and nothing you saved is lost. Please try again in a moment.",
    link: { href: safeNextPath(retryPath), label: "Try again" },
  });
  return new NextResponse(html, {
    status: 503,
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Retry-After": String(RETRY_AFTER_SECONDS),
      "Cache-Control": "no-store",
    },
  });
}
