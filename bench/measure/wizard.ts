/**
 * One wizard step saved through the production server action, as the browser does it: Chromium loads
 * /onboarding/experience signed in, submits the step once so the exact request (action id header,
 * router state, encoded form body) can be captured, then that request is replayed with fetch and timed
 * end to end (action + redirect payload), sequentially, after a short warm-up. The stack's access log
 * counts the requests the Next server makes to the stack per save; /proc the Next server's CPU per save.
 */
import type { Page, Request } from "@playwright/test";
import pg from "pg";
import { accessCounter } from "../lib/access-log";
import { launchChromium } from "../lib/browser";
import { groupCpuMs, metered, type Probe } from "../lib/cpu";
import { cookieHeader, sessionCookies } from "../lib/session-cookie";
import type { Stack } from "../lib/stack";
import { percentile, since } from "../lib/stats";
import { signedInUser } from "../lib/users";

const STEP_PATH = "/onboarding/experience";
const WARM_UP = 3;

interface Captured {
  url: string;
  headers: Record<string, string>;
  body: Buffer;
}

/** Submits the experience step (with an answer in each field) and returns the server-action request. */
async function captureAction(page: Page): Promise<Request> {
  const years = page.getByLabel(/years/i).first();
  if ((await years.count()) > 0) await years.fill("7");
  const level = page.getByLabel(/level/i).first();
  if ((await level.count()) > 0 && (await level.evaluate((el) => el.tagName)) === "SELECT") {
    await level.selectOption("senior");
  }
  const request = page.waitForRequest((req) => req.method() === "POST" && "next-action" in req.headers(), {
    timeout: 15_000,
  });
  await page.getByRole("button", { name: /continue/i }).click();
  return request;
}

async function capture(baseUrl: string, cookies: { name: string; value: string }[]): Promise<Captured> {
  const browser = await launchChromium();
  try {
    const context = await browser.newContext();
    await context.addCookies(cookies.map((c) => ({ ...c, url: baseUrl })));
    const page = await context.newPage();
    const res = await page.goto(`${baseUrl}${STEP_PATH}`);
    if (!res || res.status() !== 200 || new URL(page.url()).pathname !== STEP_PATH) {
      throw new Error(`${STEP_PATH}: status ${res?.status() ?? "none"} at ${page.url()}`);
    }
    const request = await captureAction(page);
    const body = request.postDataBuffer();
    if (!body) throw new Error("the server action request had no body");
    const headers = await request.allHeaders();
    for (const name of Object.keys(headers))
      if (name.startsWith(":") || name === "content-length") delete headers[name];
    return { url: request.url(), headers, body };
  } finally {
    await browser.close();
  }
}

async function save(captured: Captured, cookie: string): Promise<void> {
  const res = await fetch(captured.url, {
    method: "POST",
    headers: { ...captured.headers, cookie },
    body: new Uint8Array(captured.body),
    redirect: "manual",
  });
  const text = await res.text();
  // Success is a redirect to the next step (Next answers an action's redirect() with this header).
  if (res.status !== 200 && res.status !== 303) throw new Error(`action: ${res.status} ${text.slice(0, 200)}`);
  if (!res.headers.get("x-action-redirect")) throw new Error(`action did not redirect: ${text.slice(0, 300)}`);
}

/** The step really saved: the fields are answered in the database. */
async function assertSaved(stack: Stack, userId: string): Promise<void> {
  const client = new pg.Client({ connectionString: stack.dbUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ answered: string[] }>(
      "select answered_fields as answered from public.user_profiles where user_id = $1",
      [userId],
    );
    if (!rows[0]?.answered.includes("years_of_experience")) throw new Error("the wizard step did not save");
  } finally {
    await client.end();
  }
}

export interface WizardFigures {
  p95Ms: number;
  /** Requests from the Next server to the stack per save (NaN without an access log). */
  requestsPerSave: number;
  /** CPU of the Next server's processes per save (NaN when its process group is unknown). */
  nextCpuMsPerSave: number;
}

/**
 * n sequential saves. With a probe, also logs the CPU each save costs in the stack and Postgres: with
 * the Next server's share, the breakdown that says where the time of a save goes.
 */
export async function measureWizardStep(
  stack: Stack,
  app: { baseUrl: string; pgid: number | undefined },
  n: number,
  probe: Probe,
): Promise<WizardFigures> {
  const baseUrl = app.baseUrl;
  const session = await signedInUser(stack, "wizard", 0);
  const cookies = sessionCookies(stack.apiUrl, session);
  const captured = await capture(baseUrl, cookies);
  const cookie = cookieHeader(cookies);
  for (let i = 0; i < WARM_UP; i++) await save(captured, cookie);
  const latencies: number[] = [];
  const nextCpu = () => (app.pgid === undefined ? 0 : groupCpuMs(app.pgid));
  const nextBefore = nextCpu();
  const window = stack.accessLog ? accessCounter(stack.accessLog).mark() : null;
  await metered(probe, "wizard saves (stack + postgres, excluding Next)", async () => {
    for (let i = 0; i < n; i++) {
      const start = performance.now();
      await save(captured, cookie);
      latencies.push(since(start));
    }
    return { ok: n };
  });
  const nextCpuMsPerSave = app.pgid === undefined ? Number.NaN : (nextCpu() - nextBefore) / n;
  const requests = window?.entries() ?? null;
  if (requests) {
    const paths = [...new Set(requests.map((entry) => `${entry.method} ${entry.path}`))].join(", ");
    probe.log(`wizard saves: ${(requests.length / n).toFixed(2)} requests to the stack per save (${paths})`);
  }
  await assertSaved(stack, session.user.id);
  return {
    p95Ms: percentile(latencies, 95),
    requestsPerSave: requests ? requests.length / n : Number.NaN,
    nextCpuMsPerSave,
  };
}
