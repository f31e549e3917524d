/**
 * Server Actions are public endpoints. A call whose JSON arguments are not even a list (`"x"`, `{{{{`)
 * makes Next.js itself throw a 500 before any action runs; the middleware refuses it first with a
 * 400 in words. Lists pass: the action wrapper checks what is inside (`[1,2,3]` is not a form).
 * Form posts (multipart or urlencoded) are parsed by Next.js and checked by the wrapper.
 */
import { NextResponse, type NextRequest } from "next/server";
import { NOT_A_FORM_MESSAGE } from "./form-limits";

/** A server action called from script (React's client, or anyone imitating it). */
export function isActionCall(request: NextRequest): boolean {
  return request.method === "POST" && request.headers.has("next-action");
}

export async function malformedActionResponse(request: NextRequest): Promise<NextResponse | null> {
  if (!isActionCall(request)) return null;
  const type = request.headers.get("content-type") ?? "";
  if (/^(multipart\/form-data|application\/x-www-form-urlencoded)/i.test(type)) return null;
  let args: unknown;
  try {
    args = JSON.parse(await request.clone().text());
  } catch {
    args = undefined;
  }
  if (Array.isArray(args)) return null;
  return new NextResponse(NOT_A_FORM_MESSAGE, { status: 400, headers: { "Content-Type": "text/plain" } });
}
