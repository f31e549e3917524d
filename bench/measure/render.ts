/**
 * Signed-in page renders as a browser requests them (the session cookie, a plain GET of the HTML):
 * how many requests each render makes to Auth. With asymmetric signing keys the server verifies the
 * access token against the cached JWKS, so the figure is 0; with HS256 every getClaims() would be a
 * GET /auth/v1/user. Counted from the stack's access log after a warm-up render (the JWKS fetch).
 */
import { accessCounter, isAuth } from "../lib/access-log";
import { cookieHeader, sessionCookies } from "../lib/session-cookie";
import type { Stack } from "../lib/stack";
import { signedInUser } from "../lib/users";

const PAGES = ["/onboarding/experience", "/profile"];

async function render(baseUrl: string, path: string, cookie: string): Promise<void> {
  const res = await fetch(`${baseUrl}${path}`, { headers: { cookie }, redirect: "manual" });
  await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`GET ${path} signed in: ${res.status} ${res.headers.get("location") ?? ""}`);
}

/** Auth requests per signed-in render (NaN without an access log). */
export async function measureAuthPerRender(
  stack: Stack,
  baseUrl: string,
  n: number,
  log: (line: string) => void,
): Promise<number> {
  const session = await signedInUser(stack, "render", 0);
  const cookie = cookieHeader(sessionCookies(stack.apiUrl, session));
  for (const path of PAGES) await render(baseUrl, path, cookie);
  if (!stack.accessLog) {
    log("signed-in render: the stack writes no access log, Auth requests not counted");
    return Number.NaN;
  }
  const window = accessCounter(stack.accessLog).mark();
  for (let i = 0; i < n; i++) for (const path of PAGES) await render(baseUrl, path, cookie);
  const entries = window.entries();
  const renders = n * PAGES.length;
  const auth = entries.filter(isAuth);
  log(
    `signed-in render: ${(entries.length / renders).toFixed(2)} requests to the stack per render, ` +
      `${auth.length} to Auth in ${renders} renders${auth.length ? ` (${auth.map((e) => e.path).join(", ")})` : ""}`,
  );
  return auth.length / renders;
}
