import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./support/axe";
import { expiredAccessToken, readSession, writeSession } from "./support/session";
import { createConfirmedUser, signInThroughUi, uniqueEmail } from "./support/users";

const MISMATCH = "That email and password do not match. Check them and try again.";

test.describe("sign-in and sign-out", () => {
  test("signs in to onboarding, then signs out from the header", async ({ page }) => {
    const user = await createConfirmedUser();
    await page.goto("/login");
    await expectNoAxeViolations(page);
    await page.getByLabel("Email", { exact: true }).fill(user.email);
    await page.getByLabel("Password", { exact: true }).fill(user.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/onboarding(\/|$)/);

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/login\?notice=signed-out$/);
    await expect(page.getByRole("main").getByRole("status")).toHaveText("You have been signed out.");
    expect(await readSession(page.context())).toBeNull();

    await page.goto("/onboarding");
    await expect(page).toHaveURL(/\/login\?next=%2Fonboarding$/);
  });

  test("a wrong password and an unknown address get the same answer", async ({ page }) => {
    const user = await createConfirmedUser();
    await page.goto("/login");
    await page.getByLabel("Email", { exact: true }).fill(user.email);
    await page.getByLabel("Password", { exact: true }).fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("main").getByRole("alert")).toHaveText(MISMATCH);
    await expect(page.getByLabel("Email", { exact: true })).toHaveValue(user.email);
    await expectNoAxeViolations(page);

    await page.getByLabel("Email", { exact: true }).fill(uniqueEmail("nobody"));
    await page.getByLabel("Password", { exact: true }).fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("main").getByRole("alert")).toHaveText(MISMATCH);
    await expect(page).toHaveURL(/\/login$/);
  });

  test("a protected page sends the visitor to sign in and back again", async ({ page }) => {
    const user = await createConfirmedUser();
    await page.goto("/profile");
    await expect(page).toHaveURL(/\/login\?next=%2Fprofile$/);
    await page.getByLabel("Email", { exact: true }).fill(user.email);
    await page.getByLabel("Password", { exact: true }).fill(user.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/profile$/);
  });

  test("?next= pointing at another site stays on this site", async ({ page, baseURL }) => {
    const user = await createConfirmedUser();
    for (const next of ["https://evil.example", "//evil.example/onboarding", "/\\evil.example"]) {
      await page.context().clearCookies();
      await page.goto(`/login?next=${encodeURIComponent(next)}`);
      await page.getByLabel("Email", { exact: true }).fill(user.email);
      await page.getByLabel("Password", { exact: true }).fill(user.password);
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page).toHaveURL(/\/onboarding(\/|$)/);
      expect(new URL(page.url()).origin).toBe(new URL(baseURL as string).origin);
    }
    // Signed in: the middleware's redirect away from /login sanitises too.
    await page.goto(`/login?next=${encodeURIComponent("https://evil.example")}`);
    await expect(page).toHaveURL(/\/onboarding(\/|$)/);
    expect(new URL(page.url()).origin).toBe(new URL(baseURL as string).origin);
  });

  test("signed-in visitors of /login and /signup go to onboarding", async ({ page }) => {
    const user = await createConfirmedUser();
    await signInThroughUi(page, user);
    await page.goto("/signup");
    await expect(page).toHaveURL(/\/onboarding(\/|$)/);
    await page.goto("/login");
    await expect(page).toHaveURL(/\/onboarding(\/|$)/);
  });

  test("an expired session is refreshed by the middleware", async ({ page }) => {
    const user = await createConfirmedUser();
    await signInThroughUi(page, user);
    const before = await readSession(page.context());
    expect(before).not.toBeNull();

    // Age the session: the access token has expired (and would not verify anyway).
    await writeSession(page.context(), {
      ...(before as NonNullable<typeof before>),
      access_token: expiredAccessToken(before!.access_token),
      expires_at: Math.floor(Date.now() / 1000) - 60,
    });

    await page.goto("/onboarding");
    await expect(page).toHaveURL(/\/onboarding(\/|$)/);
    const after = await readSession(page.context());
    expect(after?.refresh_token).not.toBe(before!.refresh_token);
    expect(after?.expires_at).toBeGreaterThan(Math.floor(Date.now() / 1000));
    await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  });

  test("sign-out refuses GET and cross-site POSTs", async ({ request }) => {
    expect((await request.get("/auth/sign-out", { maxRedirects: 0 })).status()).toBe(405);
    const crossSite = await request.post("/auth/sign-out", {
      headers: { Origin: "https://evil.example" },
      maxRedirects: 0,
    });
    expect(crossSite.status()).toBe(403);
  });
});
