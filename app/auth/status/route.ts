/**
 * GET /auth/status → `{ "signedIn": boolean }` for this browser's session. The "Check your email"
 * page asks it while the person confirms in another tab: confirming there sets the session cookies
 * for the whole browser, so this tab learns it can continue. Reveals nothing beyond the caller's own
 * cookie; never cached.
 */
import { NextResponse } from "next/server";
import { getRequestClaims } from "@/lib/supabase/server";

export const dynamic = "force-dynamic";

export async function GET() {
  const signedIn = (await getRequestClaims()) !== null;
  return NextResponse.json({ signedIn }, { headers: { "Cache-Control": "no-store" } });
}
