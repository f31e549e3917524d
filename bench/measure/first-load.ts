/**
 * First-load JavaScript per route, as a cold browser pays for it: a fresh Chromium context per route
 * (empty cache), gzip requested, and the encoded (on-the-wire) body bytes of every script response
 * summed once the page is idle. Signed-in routes get the session cookie first.
 */
import type { Browser, Response } from "@playwright/test";
import { launchChromium } from "../lib/browser";
import { sessionCookies } from "../lib/session-cookie";
import type { Stack } from "../lib/stack";
import { signedInUser } from "../lib/users";
import { ROUTES, type Route } from "../results";

const SIGNED_IN: readonly Route[] = ["/onboarding/experience", "/profile"];

function isScript(response: Response): boolean {
  const type = response.headers()["content-type"] ?? "";
  return response.request().resourceType() === "script" || type.includes("javascript");
}

async function routeKb(
  browser: Browser,
  baseUrl: string,
  route: Route,
  cookies: { name: string; value: string }[],
  log: (line: string) => void,
) {
  const context = await browser.newContext({ extraHTTPHeaders: { "accept-encoding": "gzip" } });
  try {
    if (cookies.length > 0) await context.addCookies(cookies.map((c) => ({ ...c, url: baseUrl })));
    const page = await context.newPage();
    const scripts: Response[] = [];
    const notGzip: string[] = [];
    page.on("response", (response) => {
      if (!isScript(response)) return;
      scripts.push(response);
    });
    const main = await page.goto(`${baseUrl}${route}`, { waitUntil: "load" });
    // Chunks loaded after hydration count too; a page that keeps a connection busy (a session refresh,
    // a poll) must not hang the benchmark, so idle is waited for briefly and then taken as reached.
    await page.waitForLoadState("networkidle", { timeout: 5000 }).catch(() => undefined);
    if (!main || main.status() !== 200) throw new Error(`${route}: status ${main?.status() ?? "none"}`);
    const landed = new URL(page.url()).pathname;
    if (landed !== route) throw new Error(`${route}: redirected to ${landed}`);
    let bytes = 0;
    const parts: { name: string; kb: number }[] = [];
    for (const response of scripts) {
      const sizes = await response.request().sizes();
      bytes += sizes.responseBodySize;
      parts.push({ name: new URL(response.url()).pathname.split("/").pop() ?? "?", kb: sizes.responseBodySize / 1000 });
      if (response.headers()["content-encoding"] !== "gzip" && sizes.responseBodySize > 1024)
        notGzip.push(response.url());
    }
    if (notGzip.length > 0) throw new Error(`${route}: scripts served without gzip: ${notGzip.slice(0, 3).join(", ")}`);
    // Which chunks make up the figure, largest first: the starting point when a route is over budget.
    const listed = parts.sort((a, b) => b.kb - a.kb).map((part) => `${part.name} ${part.kb.toFixed(1)}`);
    log(`first-load ${route}: ${listed.join(", ")}`);
    return bytes / 1000;
  } finally {
    await context.close();
  }
}

/**
 * kB per route. A route that cannot be measured (missing page, redirect to login) is NaN (null in the
 * JSON) and its reason is in `errors`, so one broken page does not hide the others' figures.
 */
export async function measureFirstLoad(
  stack: Stack,
  baseUrl: string,
  log: (line: string) => void,
): Promise<{ kb: Record<Route, number>; errors: string[] }> {
  const session = await signedInUser(stack, "firstload", 0);
  const cookies = sessionCookies(stack.apiUrl, session);
  const browser = await launchChromium();
  const errors: string[] = [];
  try {
    const kb = Object.fromEntries(ROUTES.map((route) => [route, Number.NaN])) as Record<Route, number>;
    for (const route of ROUTES) {
      try {
        kb[route] = await routeKb(browser, baseUrl, route, SIGNED_IN.includes(route) ? cookies : [], log);
      } catch (error) {
        errors.push((error as Error).message);
      }
    }
    return { kb, errors };
  } finally {
    await browser.close();
  }
}
