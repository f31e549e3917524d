import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { createClient } from "@supabase/supabase-js";
import { expectNoAxeViolations } from "./support/axe";
import { readSession } from "./support/session";
import { codeFor, wrongCode } from "./support/two-factor";
import { createConfirmedUser, deleteUser, signInThroughUi, type TestUser } from "./support/users";

/** Whether the refresh token a browser holds still works at the Auth server. */
async function refreshWorks(context: BrowserContext): Promise<boolean> {
  const session = await readSession(context);
  if (!session) return false;
  const client = createClient(process.env.NEXT_PUBLIC_SUPABASE_URL!, process.env.NEXT_PUBLIC_SUPABASE_ANON_KEY!, {
    auth: { persistSession: false, autoRefreshToken: false },
  });
  const { error } = await client.auth.refreshSession({ refresh_token: session.refresh_token });
  return error === null;
}

async function otherDevice(browser: Browser, user: TestUser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInThroughUi(page, user, "/profile");
  return { context, page };
}

const twoFactor = (page: Page) => page.getByRole("region", { name: "Two-factor sign-in" });

test.describe("two-factor sign-in", () => {
  // Two browsers and several sign-ins each: on a busy machine a minute is not always enough.
  test.describe.configure({ timeout: 120_000 });

  test("turn on with a code, sign in again through the code page, turn off with a fresh code", async ({
    page,
    browser,
  }, testInfo) => {
    // The longest journey of the suite (three sign-ins, five codes, two devices).
    test.setTimeout(180_000);
    const user = await createConfirmedUser();
    const laptop = await otherDevice(browser, user);
    await signInThroughUi(page, user, "/account");
    await expect(page).toHaveURL(/\/account$/);

    // Turn on: QR code and setup key, confirmed by the app's first code.
    await twoFactor(page).getByRole("button", { name: "Turn on two-factor sign-in" }).click();
    await expect(twoFactor(page).getByRole("img", { name: /QR code/ })).toBeVisible();
    const setupKey = (await page.getByTestId("setup-key").innerText()).replace(/\s+/g, "");
    expect(setupKey).toMatch(/^[A-Z2-7]{32}$/);
    await expectNoAxeViolations(page);
    await page.screenshot({ path: testInfo.outputPath("account-setup-1280.png"), fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await twoFactor(page).screenshot({ path: testInfo.outputPath("account-setup-390.png") });
    await page.setViewportSize({ width: 1280, height: 800 });
    await twoFactor(page).getByLabel("6-digit code").fill(wrongCode(setupKey));
    await twoFactor(page).getByRole("button", { name: "Confirm and turn on" }).click();
    await expect(twoFactor(page).getByText("That code is not right.").first()).toBeVisible();
    await twoFactor(page).getByLabel("6-digit code").fill(codeFor(setupKey));
    await twoFactor(page).getByRole("button", { name: "Confirm and turn on" }).click();
    await expect(twoFactor(page).getByText(/^On/)).toBeVisible();
    // The laptop's password-only session ended when the factor was verified.
    expect(await refreshWorks(laptop.context)).toBe(false);
    await laptop.context.close();

    // Sign out, sign in: the code page comes before the profile; a wrong code is refused.
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/login/);
    await signInThroughUi(page, user, "/profile");
    await expect(page).toHaveURL(/\/two-factor\?next=%2Fprofile$/);
    await expect(page.getByRole("heading", { name: "Enter your code" })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.screenshot({ path: testInfo.outputPath("two-factor-1280.png"), fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: testInfo.outputPath("two-factor-390.png"), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 800 });
    // A protected page is not reachable with the password alone.
    await page.goto("/account");
    await expect(page).toHaveURL(/\/two-factor\?next=%2Faccount$/);
    await page.getByLabel("6-digit code").fill(wrongCode(setupKey));
    await page.getByRole("button", { name: "Verify" }).click();
    await expect(page.getByText("That code is not right.").first()).toBeVisible();
    await expect(page).toHaveURL(/\/two-factor/);
    await page.getByLabel("6-digit code").fill(codeFor(setupKey));
    await page.getByRole("button", { name: "Verify" }).click();
    await expect(page).toHaveURL(/\/account$/);
    await twoFactor(page).screenshot({ path: testInfo.outputPath("account-on-1280.png") });

    // Turn off: needs the current code (a wrong one changes nothing); afterwards the password alone signs in again.
    await twoFactor(page).getByLabel("Current 6-digit code").fill(wrongCode(setupKey));
    await twoFactor(page).getByRole("button", { name: "Turn off two-factor sign-in" }).click();
    await expect(twoFactor(page).getByText("That code is not right.").first()).toBeVisible();
    await expect(twoFactor(page).getByText(/^On/)).toBeVisible();
    await twoFactor(page).getByLabel("Current 6-digit code").fill(codeFor(setupKey));
    await twoFactor(page).getByRole("button", { name: "Turn off two-factor sign-in" }).click();
    await expect(twoFactor(page).getByRole("button", { name: "Turn on two-factor sign-in" })).toBeVisible();
    await page.getByRole("button", { name: "Sign out" }).click();
    await signInThroughUi(page, user, "/profile");
    await expect(page).toHaveURL(/\/profile$/);
    await deleteUser(user.id);
  });

  test("sign out of other devices lists the sessions and ends all but this one", async ({ page, browser }) => {
    const user = await createConfirmedUser();
    const phone = await otherDevice(browser, user);
    await signInThroughUi(page, user, "/account");
    const sessions = page.getByRole("region", { name: "Signed-in devices" });
    await expect(sessions.getByRole("list", { name: "Sessions" }).getByRole("listitem")).toHaveCount(2);
    await expect(sessions.getByText("This device")).toBeVisible();
    await sessions.getByRole("button", { name: "Sign out of 1 other device" }).click();
    await expect(sessions.getByText("Your other devices are signed out.")).toBeVisible();
    await expect(sessions.getByRole("list", { name: "Sessions" }).getByRole("listitem")).toHaveCount(1);
    expect(await refreshWorks(phone.context)).toBe(false);
    expect(await refreshWorks(page.context())).toBe(true);
    await expectNoAxeViolations(page);
    await phone.context.close();
    await deleteUser(user.id);
  });
});
