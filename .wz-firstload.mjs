// throwaway measurement script (not committed): first-load JS gzip per route
import { chromium } from "@playwright/test";
import { createClient } from "@supabase/supabase-js";
const base = process.env.BASE ?? "http://127.0.0.1:3100";
const admin = createClient(process.env.SUPABASE_URL, process.env.SUPABASE_SERVICE_ROLE_KEY, {
  auth: { persistSession: false },
});
const email = `fl-${Date.now()}@example.com`,
  password = "correct-horse-battery-9";
const { data } = await admin.auth.admin.createUser({ email, password, email_confirm: true });
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium" });
const login = await browser.newContext();
const p = await login.newPage();
await p.goto(`${base}/login?next=/profile`);
await p.getByLabel("Email").fill(email);
await p.getByLabel("Password", { exact: true }).fill(password);
await p.getByRole("button", { name: "Sign in" }).click();
await p.waitForURL(/\/profile/);
const cookies = await login.cookies();
for (const route of ["/", "/login", "/signup", "/onboarding/experience", "/onboarding/salary", "/profile"]) {
  const ctx = await browser.newContext({ extraHTTPHeaders: { "accept-encoding": "gzip" } });
  if (route.startsWith("/onboarding") || route === "/profile") await ctx.addCookies(cookies);
  const page = await ctx.newPage();
  const scripts = [];
  page.on("response", (r) => {
    if (r.request().resourceType() === "script") scripts.push(r);
  });
  await page.goto(`${base}${route}`, { waitUntil: "load" });
  await page.waitForLoadState("networkidle", { timeout: 5000 }).catch(() => {});
  let bytes = 0;
  const parts = [];
  for (const r of scripts) {
    const s = await r.request().sizes();
    bytes += s.responseBodySize;
    parts.push(`${r.url().split("/").pop()} ${(s.responseBodySize / 1000).toFixed(1)}`);
  }
  console.log(`${route} ${(bytes / 1000).toFixed(1)} kB  [${parts.sort().join(", ")}]`);
  await ctx.close();
}
await browser.close();
await admin.auth.admin.deleteUser(data.user.id);
