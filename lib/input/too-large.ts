/**
 * The middleware's early 413 for a POST that declares more than Next.js would read: refused before the
 * body is read, in words. `text/plain` is what the Server Actions client shows as the error's message.
 */
import { NextResponse, type NextRequest } from "next/server";
import { ACTION_TRANSPORT_LIMIT_BYTES, TOO_LARGE_MESSAGE } from "./form-limits";

export function tooLargeResponse(request: NextRequest): NextResponse | null {
  if (request.method !== "POST") return null;
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (!(declared > ACTION_TRANSPORT_LIMIT_BYTES)) return null;
  return new NextResponse(TOO_LARGE_MESSAGE, {
    status: 413,
    headers: { "Content-Type": "text/plain", Connection: "close" },
  });
}
