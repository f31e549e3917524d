/**
 * GET /unavailable?next=<path>: where a server-rendered page sends the visitor when its data could not
 * be read because the backend is down — the same 503 the middleware answers, with a way back.
 */
import type { NextRequest } from "next/server";
import { unavailableResponse } from "@/lib/unavailable-page";

export function GET(request: NextRequest) {
  return unavailableResponse(request.nextUrl.searchParams.get("next") ?? "/");
}
