/**
 * The auth cookies as a script in the page would see them (it must not), and their lifetimes; and a
 * password change from a session signed in more than a day ago (Auth's secure password change).
 */
import { expect, test, type BrowserContext } from "@playwright/test";
import pg from "pg";
import { createClient } from "@supabase/supabase-js";
import { mailIds } from "./support/inbox";
import { createConfirmedUser, deleteUser, signInThroughUi, uniqueEmail } from "./support/users";
import { readSession } from "./support/session";

const DAY = 24 * 60 * 60;
const nowSeconds = () => Date.now() / 1000;

async function authCookies(context: BrowserContext) {
  return (await context.cookies()).filter((cookie) => cookie.name.startsWith("sb-"));
}

test.describe("auth cookies", () => {
  test("the session cookie is HttpOnly, SameSite=Lax and lives seven days, not 400", async ({ page, context }) => {
    const user = await createConfirmedUser();
    await signInThroughUi(page, user);
    const cookies = (await authCookies(context)).filter((cookie) => /-auth-token(\.\d+)?$/.test(cookie.name));
    expect(cookies.length).toBeGreaterThan(0);
    for (const cookie of cookies) {
      expect(cookie.httpOnly, cookie.name).toBe(true);
      expect(cookie.sameSite, cookie.name).toBe("Lax");
      expect(cookie.expires - nowSeconds(), cookie.name).toBeGreaterThan(6.9 * DAY);
      expect(cookie.expires - nowSeconds(), cookie.name).toBeLessThan(7.1 * DAY);
    }
    expect(await page.evaluate(() => document.cookie)).not.toContain("sb-");
    await deleteUser(user.id);
  });

  test("the PKCE verifier cookie of a mailed link is HttpOnly and lives an hour", async ({ page, context }) => {
    await page.goto("/forgot-password");
    await page.getByLabel("Email").fill(uniqueEmail("verifier"));
    await page.getByRole("button", { name: "Send reset link" }).click();
    await expect(page.getByText("If an account uses that address")).toBeVisible();
    const verifiers = (await authCookies(context)).filter((cookie) => cookie.name.endsWith("-code-verifier"));
    expect(verifiers.length).toBeGreaterThan(0);
    for (const cookie of verifiers) {
      expect(cookie.httpOnly, cookie.name).toBe(true);
      expect(cookie.expires - nowSeconds(), cookie.name).toBeGreaterThan(0.9 * 3600);
      expect(cookie.expires - nowSeconds(), cookie.name).toBeLessThan(1.1 * 3600);
    }
    expect(await page.evaluate(() => document.cookie)).not.toContain("sb-");
  });
});

test.describe("password change from a day-old session", () => {
  test("Auth refuses the bare token; the account page still changes it and stays signed in", async ({
    page,
    context,
  }) => {
    const user = await createConfirmedUser();
    await signInThroughUi(page, user, "/account");
    const session = await readSession(context);
    if (!session) throw new Error("no session cookie");
    const sessionId = JSON.parse(Buffer.from(session.access_token.split(".")[1] ?? "", "base64url").toString())
      .session_id as string;
    const db = new pg.Client({ connectionString: process.env.SUPABASE_DB_URL });
    await db.connect();
    await db.query(`update auth.sessions set created_at = now() - interval '25 hours' where id = $1`, [sessionId]);
    await db.end();

    // The attacker's move: the access token alone.
    const auth = createClient(process.env.SUPABASE_URL!, process.env.SUPABASE_ANON_KEY!, {
      auth: { persistSession: false, autoRefreshToken: false },
    }).auth;
    const stolen = await fetch(`${process.env.SUPABASE_URL}/auth/v1/user`, {
      method: "PUT",
      headers: {
        apikey: process.env.SUPABASE_ANON_KEY!,
        Authorization: `Bearer ${session.access_token}`,
        "Content-Type": "application/json",
      },
      body: JSON.stringify({ password: "attacker-chose-this-1" }),
    });
    expect(stolen.status).toBe(400);
    expect(((await stolen.json()) as { error_code?: string }).error_code).toBe("reauthentication_needed");
    expect(
      (await auth.signInWithPassword({ email: user.email, password: "attacker-chose-this-1" })).error,
    ).not.toBeNull();

    // The person's move: the account form with the current password.
    const seen = await mailIds(user.email);
    const form = page.getByRole("region", { name: "Password" });
    await form.getByLabel("Current password").fill(user.password);
    await form.getByLabel("New password", { exact: true }).fill("brand-new-secret-43");
    await form.getByLabel("Confirm new password").fill("brand-new-secret-43");
    await form.getByRole("button", { name: "Change password" }).click();
    await expect(form.getByText("Your password has been changed.")).toBeVisible();
    await page.reload();
    await expect(page).toHaveURL(/\/account$/);
    const fresh = createClient(process.env.SUPABASE_URL!, process.env.SUPABASE_ANON_KEY!, {
      auth: { persistSession: false, autoRefreshToken: false },
    }).auth;
    expect((await fresh.signInWithPassword({ email: user.email, password: "brand-new-secret-43" })).error).toBeNull();
    // No reauthentication mail was needed.
    expect(await mailIds(user.email)).toEqual(seen);
    await deleteUser(user.id);
  });
});
