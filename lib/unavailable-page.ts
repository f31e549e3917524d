/**
 * The "briefly unavailable" answer: HTTP 503 with Retry-After, a small self-contained page (the
 * middleware sends it before any React renders, and it must not depend on the backend that is down).
 * It never touches cookies: the visitor is still signed in when the backend comes back.
 */
import { NextResponse } from "next/server";
import { safeNextPath } from "@/lib/auth/next-path";
import { RETRY_AFTER_SECONDS } from "@/lib/supabase/outage";

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

function page(retryPath: string): string {
  const href = escapeHtml(retryPath);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Briefly unavailable · Autoprofile</title>
<style>
body{margin:0;font-family:system-ui,sans-serif;background:#f8fafc;color:#0f172a}
main{min-height:100dvh;display:grid;place-items:center;padding:1rem}
section{max-width:28rem;background:#fff;border:1px solid #e2e8f0;border-radius:.75rem;padding:2rem;text-align:center}
h1{font-size:1.25rem;margin:0 0 .75rem}
p{color:#334155;line-height:1.5;margin:0}
a{display:inline-block;margin-top:1.5rem;padding:.625rem 1rem;border-radius:.5rem;background:#1d4ed8;color:#fff;text-decoration:none;font-weight:600}
a:focus-visible{outline:3px solid #1e3a8a;outline-offset:2px}
</style>
</head>
<body>
<main id="main">
<section>
<h1>Autoprofile is briefly unavailable</h1>
<p>We cannot reach our servers right now. You are still signed in and nothing you saved is lost. Please try again in a moment.</p>
<a href="${href}">Try again</a>
</section>
</main>
</body>
</html>`;
}

/** 503 for the page at `retryPath` (a same-site path; anything else falls back to the default). */
export function unavailableResponse(retryPath: string): NextResponse {
  return new NextResponse(page(safeNextPath(retryPath)), {
    status: 503,
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Retry-After": String(RETRY_AFTER_SECONDS),
      "Cache-Control": "no-store",
    },
  });
}
