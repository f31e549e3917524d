/**
 * What the password alone gets of an account with two-factor on (an aal1 session, as someone holding
 * a leaked password has): the code page and nothing else — every app page sends there, every server
 * action answers "signed out", and the REST API shows and changes no row. The code page's `?next=`
 * never leads off the site, and a session with no factor to prove passes through it.
 */
import { expect, test } from "@playwright/test";
import { SIGN_IN_AGAIN_TO_CHANGE_PASSWORD_MESSAGE } from "@/lib/account/messages";
import { SIGNED_OUT_MESSAGE } from "@/lib/auth/messages";
import { createClient } from "@supabase/supabase-js";
import pg from "pg";
import { callAction, serverAction } from "./support/server-actions";
import { readSession } from "./support/session";
import { codeFor, createTwoFactorUser } from "./support/two-factor";
import { adminClient, createConfirmedUser, deleteUser, profileRow, signInThroughUi } from "./support/users";

const IDLE = { ok: false, kind: "idle" };

async function rest(path: string, token: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${process.env.NEXT_PUBLIC_SUPABASE_URL}/rest/v1/${path}`, {
    ...init,
    headers: {
      apikey: process.env.NEXT_PUBLIC_SUPABASE_ANON_KEY!,
      Authorization: `Bearer ${token}`,
      "Content-Type": "application/json",
      Prefer: "return=representation",
      ...init.headers,
    },
  });
}

test.describe("a password-only session of a two-factor account", () => {
  test.describe.configure({ timeout: 120_000 });

  test("reaches only the code page: pages, server actions and REST all refuse it", async ({ page }) => {
    const user = await createTwoFactorUser();
    const before = await profileRow(user.id);
    await signInThroughUi(page, user, "/profile");
    await expect(page).toHaveURL(/\/two-factor\?next=%2Fprofile$/);
    await expect(page.getByRole("heading", { name: "Enter your code" })).toBeVisible();

    for (const path of ["/profile", "/account", "/onboarding", "/onboarding/experience", "/admin"]) {
      await page.goto(path);
      await expect(page, path).toHaveURL(new RegExp(`/two-factor\\?next=${encodeURIComponent(path)}$`));
    }

    // Server actions with valid forms, posted to their own pages and to the one page this session may load.
    const calls: [string, unknown[], Record<string, string>, string][] = [
      [
        "saveOnboardingStep",
        ["experience", "next", IDLE, "$K1"],
        { years_of_experience: "9", experience_level: "senior" },
        "/onboarding/experience",
      ],
      ["changeEmail", [IDLE, "$K1"], { email: `taken-over-${user.id.slice(0, 8)}@example.com` }, "/account"],
      [
        "changePassword",
        [IDLE, "$K1"],
        { currentPassword: user.password, password: "attacker-42-chosen", confirmPassword: "attacker-42-chosen" },
        "/account",
      ],
      ["deleteAccount", [IDLE, "$K1"], { password: user.password, confirmation: "DELETE" }, "/account"],
      ["startTwoFactor", [IDLE, "$K1"], {}, "/account"],
      ["signOutOtherDevices", [IDLE, "$K1"], {}, "/account"],
    ];
    for (const [name, args, form, path] of calls) {
      for (const target of [path, "/two-factor"]) {
        const url = new URL(target, page.url()).toString();
        const answer = await callAction(page.request, url, serverAction(name), args, form);
        expect(answer.status, `${name} at ${target}`).toBe(200);
        expect(answer.ok, `${name} at ${target}`).toBe(false);
        expect(answer.message, `${name} at ${target}`).toBe(SIGNED_OUT_MESSAGE);
      }
    }

    // REST with the session's own access token: the restrictive policies hide and protect the row.
    const session = await readSession(page.context());
    if (!session) throw new Error("no session cookie");
    const read = await rest(`user_profiles?user_id=eq.${user.id}&select=user_id`, session.access_token);
    expect(read.status).toBe(200);
    expect(await read.json()).toEqual([]);
    const write = await rest(`user_profiles?user_id=eq.${user.id}`, session.access_token, {
      method: "PATCH",
      body: JSON.stringify({ field_of_study: "Taken over" }),
    });
    expect(await write.json()).toEqual([]);
    const history = await rest(`user_profile_history?user_id=eq.${user.id}&select=user_id`, session.access_token);
    expect(await history.json()).toEqual([]);

    // Nothing changed, and the account is whole.
    expect(await profileRow(user.id)).toEqual(before);
    const { data } = await adminClient().auth.admin.getUserById(user.id);
    expect(data.user?.email).toBe(user.email);
    expect(data.user?.factors?.filter((factor) => factor.status === "verified")).toHaveLength(1);

    // The code opens it.
    await page.goto("/profile");
    await page.getByLabel("6-digit code").fill(codeFor(user.secret));
    await page.getByRole("button", { name: "Verify" }).click();
    await expect(page).toHaveURL(/\/profile$/);
    await deleteUser(user.id);
  });

  test("the code page's next never leaves the site", async ({ page }) => {
    const user = await createTwoFactorUser();
    for (const next of ["https://evil.example/", "//evil.example/x", "/\\evil.example", "/.//evil.example"]) {
      await page.context().clearCookies();
      await signInThroughUi(page, user);
      await page.goto(`/two-factor?next=${encodeURIComponent(next)}`);
      await page.getByLabel("6-digit code").fill(codeFor(user.secret));
      await page.getByRole("button", { name: "Verify" }).click();
      await expect(page, next).toHaveURL(/^http:\/\/127\.0\.0\.1:\d+\/onboarding/);
    }
    await deleteUser(user.id);
  });

  test("a day-old session is told to sign in again to change the password, and stays signed in", async ({ page }) => {
    const user = await createTwoFactorUser();
    await signInThroughUi(page, user, "/account");
    await page.getByLabel("6-digit code").fill(codeFor(user.secret));
    await page.getByRole("button", { name: "Verify" }).click();
    await expect(page).toHaveURL(/\/account$/);
    const session = await readSession(page.context());
    if (!session) throw new Error("no session cookie");
    const claims = JSON.parse(Buffer.from(session.access_token.split(".")[1] ?? "", "base64url").toString()) as {
      session_id: string;
    };
    const db = new pg.Client({ connectionString: process.env.SUPABASE_DB_URL });
    await db.connect();
    await db.query(`update auth.sessions set created_at = now() - interval '25 hours' where id = $1`, [
      claims.session_id,
    ]);
    await db.end();

    const form = page.getByRole("region", { name: "Password" });
    await form.getByLabel("Current password").fill(user.password);
    await form.getByLabel("New password", { exact: true }).fill("brand-new-secret-44");
    await form.getByLabel("Confirm new password").fill("brand-new-secret-44");
    await form.getByRole("button", { name: "Change password" }).click();
    await expect(form.getByText(SIGN_IN_AGAIN_TO_CHANGE_PASSWORD_MESSAGE)).toBeVisible();
    // Still signed in with the code (not sent back to the code page), and the password is unchanged.
    await page.reload();
    await expect(page).toHaveURL(/\/account$/);
    const client = createClient(process.env.NEXT_PUBLIC_SUPABASE_URL!, process.env.NEXT_PUBLIC_SUPABASE_ANON_KEY!, {
      auth: { persistSession: false, autoRefreshToken: false },
    });
    expect((await client.auth.signInWithPassword({ email: user.email, password: user.password })).error).toBeNull();
    await deleteUser(user.id);
  });
});

test("the code page without a factor to prove goes on to next; signed out it goes to sign-in", async ({ page }) => {
  const anonymous = await page.request.get("/two-factor?next=%2Faccount", { maxRedirects: 0 });
  expect(anonymous.status()).toBe(307);
  expect(anonymous.headers().location).toMatch(/\/login\?next=%2Faccount$/);
  const user = await createConfirmedUser();
  await signInThroughUi(page, user, "/profile");
  await page.goto("/two-factor?next=%2Faccount");
  await expect(page).toHaveURL(/\/account$/);
  await deleteUser(user.id);
});
