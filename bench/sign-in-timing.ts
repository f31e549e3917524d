/**
 * Can a stranger tell by timing whether an address has an account? Median answer time of a failed
 * password sign-in for existing addresses (wrong password) versus unknown addresses, measured two
 * ways: against Auth directly (supabase-js, what GoTrue itself leaks) and through the app's sign-in
 * server action (what a visitor of the app sees). Each sample uses a fresh address, so the
 * per-account limit never kicks in, and the two kinds alternate so drift hits both alike.
 *
 *   npx tsx scripts/with-test-stack.ts -- npx tsx bench/sign-in-timing.ts [--samples 40] [--dist .next-e2e-3100]
 *
 * Runs against the Supabase in the environment (SUPABASE_URL …, as with-test-stack exports them) and a
 * production build of the app (`--dist` reuses one built for the same stack URL; default: builds).
 * Prints the medians and their ratio; nothing is asserted (timing lives here, never in tests).
 */
import { parseArgs } from "node:util";
import type { Request } from "@playwright/test";
import { launchChromium } from "./lib/browser";
import { buildApp, startApp } from "./lib/next-app";
import { envStack, type Stack } from "./lib/stack";
import { median, percentile, round, since } from "./lib/stats";
import { anonClient, createConfirmedUser, deleteRunUsers, emailFor } from "./lib/users";

const { values } = parseArgs({
  options: { samples: { type: "string", default: "40" }, dist: { type: "string" }, port: { type: "string" } },
});
const SAMPLES = Number(values.samples);
const PORT = Number(values.port ?? 3190);

/** Same-length addresses, so replayed action bodies differ only in the address. */
const known = (i: number) => emailFor("tk", i);
const unknown = (i: number) => emailFor("tu", i);

async function direct(stack: Stack): Promise<Summary> {
  const client = anonClient(stack);
  const time = async (email: string) => {
    const start = performance.now();
    const { error } = await client.auth.signInWithPassword({ email, password: "not-the-password-1" });
    if (error?.code !== "invalid_credentials") throw new Error(`direct ${email}: ${error?.code ?? "signed in"}`);
    return since(start);
  };
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < SAMPLES; i += 1) {
    a.push(await time(known(i)));
    b.push(await time(unknown(i)));
  }
  return summary(a, b);
}

interface Summary {
  existing: number;
  unknown: number;
  existingP95: number;
  unknownP95: number;
}

function summary(existing: number[], unknown: number[]): Summary {
  return {
    existing: median(existing),
    unknown: median(unknown),
    existingP95: percentile(existing, 95),
    unknownP95: percentile(unknown, 95),
  };
}

/** Submits the sign-in form once in Chromium and returns the server-action request it sent. */
async function captureSignIn(baseUrl: string): Promise<{ url: string; headers: Record<string, string>; body: string }> {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.goto(`${baseUrl}/login`);
    await page.getByLabel("Email", { exact: true }).fill(unknown(SAMPLES));
    await page.getByLabel("Password", { exact: true }).fill("not-the-password-1");
    const sent = page.waitForRequest((req: Request) => req.method() === "POST" && "next-action" in req.headers());
    await page.getByRole("button", { name: "Sign in" }).click();
    const request = await sent;
    const headers = await request.allHeaders();
    for (const name of Object.keys(headers)) {
      if (name.startsWith(":") || name === "content-length") delete headers[name];
    }
    return { url: request.url(), headers, body: request.postData() ?? "" };
  } finally {
    await browser.close();
  }
}

async function throughApp(baseUrl: string): Promise<Summary> {
  const captured = await captureSignIn(baseUrl);
  const template = unknown(SAMPLES);
  if (!captured.body.includes(template)) throw new Error("the captured action body does not contain the address");
  let ip = 0;
  const time = async (email: string) => {
    ip += 1;
    const start = performance.now();
    const res = await fetch(captured.url, {
      method: "POST",
      headers: { ...captured.headers, "x-forwarded-for": `198.18.${ip >> 8}.${ip & 255}` },
      body: captured.body.replaceAll(template, email),
    });
    const text = await res.text();
    if (!text.includes("do not match")) throw new Error(`app ${email}: ${res.status} ${text.slice(0, 200)}`);
    return since(start);
  };
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < 3; i += 1) await time(unknown(SAMPLES + 1 + i)); // warm-up
  for (let i = 0; i < SAMPLES; i += 1) {
    a.push(await time(known(i)));
    b.push(await time(unknown(i)));
  }
  return summary(a, b);
}

async function main(): Promise<void> {
  const stack = envStack();
  for (let i = 0; i < SAMPLES; i += 1) await createConfirmedUser(stack, known(i));
  const dist = values.dist ?? ".next-timing";
  if (!values.dist) buildApp(stack, dist);
  const app = await startApp(stack, dist, PORT);
  try {
    const auth = await direct(stack);
    const viaApp = await throughApp(app.baseUrl);
    const ms = (value: number) => `${String(round(value, 1)).padStart(7)} ms`;
    const row = (name: string, m: Summary) =>
      `${name.padEnd(20)} existing ${ms(m.existing)} (p95 ${ms(m.existingP95)})   unknown ${ms(m.unknown)} (p95 ${ms(m.unknownP95)})   median ratio ${round(m.existing / m.unknown, 2)}`;
    console.log(`failed sign-in (wrong password vs unknown address), median of ${SAMPLES} each`);
    console.log(row("Auth directly", auth));
    console.log(row("app sign-in action", viaApp));
  } finally {
    await app.stop();
    await deleteRunUsers(stack);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
