import { NextResponse, type NextRequest } from "next/server";

/** Session refresh and optimistic redirects arrive with the auth flows; until then, pass through. */
export function middleware(_request: NextRequest) {
  return NextResponse.next();
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|.*\\.(?:svg|png|jpg|jpeg|gif|webp|ico)$).*)"],
};
