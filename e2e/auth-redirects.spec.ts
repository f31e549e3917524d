/**
 * Redirects as an attacker would try them: hostile `next` values (dot segments and encodings that
 * resolve to "//evil.com"), forged X-Forwarded-Host/-Proto, and server-side mail links planted on
 * someone else's browser (login CSRF).
 */
import { expect, test } from "@playwright/test";
import {
  adminClient,
  createConfirmedUser,
  deleteUser,
  signInThroughUi,
  TEST_PASSWORD,
  uniqueEmail,
} from "./support/users";
import { readSession } from "./support/session";

const HOSTILE_NEXT = [
  "/.//evil.com",
  "/..//evil.com",
  "/%2e//evil.com",
  "/%2e%2e//evil.com",
  "/a/..//evil.com",
  "/.%2e//evil.com",
  "/x/%2e%2e/%2e%2e//evil.com",
  "/.\\/evil.com",
  "/\\evil.com",
  "//evil.com",
  "/%2F%2Fevil.com",
  "https://evil.com",
  "javascript:alert(1)",
];

const FORGED = { "x-forwarded-host": "evil.example", "x-forwarded-proto": "javascript" };

test.describe("redirects", () => {
  test("signed in, GET /login?next=%2F.%2F%2Fevil.com lands on the site, never a 500", async ({ page, baseURL }) => {
    const user = await createConfirmedUser();
    await signInThroughUi(page, user);
    const response = await page.goto("/login?next=%2F.%2F%2Fevil.com");
    expect(response?.status()).toBeLessThan(400);
    expect(new URL(page.url()).origin).toBe(baseURL);
    await expect(page).toHaveURL(/\/onboarding/);

    for (const next of HOSTILE_NEXT) {
      const answer = await page.request.get(`/login?next=${encodeURIComponent(next)}`, { maxRedirects: 0 });
      expect(answer.status(), next).toBe(307);
      const location = answer.headers().location ?? "";
      expect(location, next).toMatch(/^\/(?![/\\])/);
      expect(location, next).not.toContain("evil");
    }
    await deleteUser(user.id);
  });

  test("signed out, a hostile next on the sign-in form lands on the site", async ({ page, baseURL }) => {
    const user = await createConfirmedUser();
    await signInThroughUi(page, user, "/%2e%2e//evil.com");
    expect(new URL(page.url()).origin).toBe(baseURL);
    await expect(page).toHaveURL(/\/onboarding/);
    await deleteUser(user.id);
  });

  test("forged X-Forwarded-Host/-Proto never reach a Location", async ({ page, request }) => {
    const signedOut = await request.get("/profile", { headers: FORGED, maxRedirects: 0 });
    expect(signedOut.status()).toBe(307);
    expect(signedOut.headers().location).toBe("/login?next=%2Fprofile");

    const user = await createConfirmedUser();
    await signInThroughUi(page, user);
    const signedIn = await page.request.get("/login?next=%2Faccount", { headers: FORGED, maxRedirects: 0 });
    expect(signedIn.status()).toBe(307);
    expect(signedIn.headers().location).toBe("/account");

    const confirm = await request.get("/auth/confirm?code=nope&next=%2F.%2F%2Fevil.com", {
      headers: FORGED,
      maxRedirects: 0,
    });
    expect(confirm.status()).toBe(303);
    expect(confirm.headers().location).toMatch(/^\/(link-expired|login)/);
    await deleteUser(user.id);
  });

  test("/auth/confirm with a hostile next still confirms the address (the one-time link is not wasted)", async ({
    page,
  }) => {
    const email = uniqueEmail("confirm-next");
    const { data, error } = await adminClient().auth.admin.generateLink({
      type: "signup",
      email,
      password: TEST_PASSWORD,
    });
    if (error || !data.properties) throw new Error(`generateLink: ${error?.message}`);
    const response = await page.request.get(
      `/auth/confirm?token_hash=${data.properties.hashed_token}&type=signup&next=%2F.%2F%2Fevil.com`,
      { maxRedirects: 0 },
    );
    expect(response.status()).toBe(303);
    expect(response.headers().location).toBe("/login?notice=email-confirmed");
    const user = (await adminClient().auth.admin.getUserById(data.user.id)).data.user;
    expect(user?.email_confirmed_at).toBeTruthy();
    await deleteUser(data.user.id);
  });

  test("someone else's server-side link does not sign this browser in (login CSRF)", async ({ page, context }) => {
    const attacker = await createConfirmedUser({ email: uniqueEmail("attacker") });
    for (const type of ["magiclink", "email"] as const) {
      const { data, error } = await adminClient().auth.admin.generateLink({ type: "magiclink", email: attacker.email });
      if (error || !data.properties) throw new Error(`generateLink: ${error?.message}`);
      await page.goto(`/auth/confirm?token_hash=${data.properties.hashed_token}&type=${type}&next=%2Fprofile`);
      await expect(page).not.toHaveURL(/\/profile/);
      expect(await readSession(context), type).toBeNull();
    }
    await page.goto("/profile");
    await expect(page).toHaveURL(/\/login\?next=%2Fprofile/);
    await deleteUser(attacker.id);
  });
});
