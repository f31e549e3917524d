/**
 * Passwordless sign-in on /login: "Email me a sign-in link", then either the link (in this browser)
 * or the 6-digit code typed in. The same answer for unknown addresses, and a link opened in another
 * browser signs nobody in there.
 */
import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./support/axe";
import { mailIds, primaryLink, waitForMail, type Mail } from "./support/inbox";
import { readSession } from "./support/session";
import { createConfirmedUser, deleteUser, uniqueEmail } from "./support/users";

const SUBJECT = "Your Autoprofile sign-in link";

async function askForLink(page: Page, email: string, next?: string) {
  await page.goto(next ? `/login?next=${encodeURIComponent(next)}` : "/login");
  await page.getByRole("link", { name: "Email me a sign-in link" }).click();
  await expect(page).toHaveURL(/\/login\/link/);
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page).toHaveURL(/\/login\/code/);
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
}

const codeOf = (mail: Mail) => {
  const code = /code\b[^\n]*:\s+(\d{6})\b/.exec(mail.text)?.[1];
  if (!code) throw new Error("no code in the sign-in mail");
  return code;
};

test.describe("sign in with a link or a code", () => {
  test("the link from the inbox signs this browser in and goes on to next", async ({ page }) => {
    const user = await createConfirmedUser();
    const seen = await mailIds(user.email);
    await askForLink(page, user.email, "/account");
    const mail = await waitForMail(user.email, { subject: SUBJECT, exclude: seen });
    await page.goto(primaryLink(mail));
    await expect(page).toHaveURL(/\/account$/);
    await expect(page.getByText(`Signed in as ${user.email}`, { exact: true })).toBeVisible();
    await deleteUser(user.id);
  });

  test("the 6-digit code typed in signs in; a wrong one is refused first", async ({ page }) => {
    const user = await createConfirmedUser();
    const seen = await mailIds(user.email);
    await askForLink(page, user.email);
    const mail = await waitForMail(user.email, { subject: SUBJECT, exclude: seen });
    const code = codeOf(mail);
    await page.getByLabel("Code from the mail").fill(code === "000000" ? "111111" : "000000");
    await page.getByRole("button", { name: "Sign in with the code" }).click();
    await expect(page.getByText("That code is wrong or has expired.")).toBeVisible();
    await page.getByLabel("Code from the mail").fill(code);
    await page.getByRole("button", { name: "Sign in with the code" }).click();
    await expect(page).toHaveURL(/\/onboarding/);
    await deleteUser(user.id);
  });

  test("an unknown address gets the same page and no mail", async ({ page }) => {
    const email = uniqueEmail("nobody");
    await askForLink(page, email);
    await expect(page.getByText("If an account uses")).toBeVisible();
    await expect(page.getByLabel("Code from the mail")).toBeVisible();
    await page.getByLabel("Code from the mail").fill("123456");
    await page.getByRole("button", { name: "Sign in with the code" }).click();
    await expect(page.getByText("That code is wrong or has expired.")).toBeVisible();
    expect(await mailIds(email)).toEqual([]);
  });

  test("the link opened in another browser signs nobody in there", async ({ page, browser }) => {
    const user = await createConfirmedUser();
    const seen = await mailIds(user.email);
    await askForLink(page, user.email);
    const mail = await waitForMail(user.email, { subject: SUBJECT, exclude: seen });
    const other = await browser.newContext();
    const stranger = await other.newPage();
    await stranger.goto(primaryLink(mail));
    await expect(stranger).toHaveURL(/\/login\?notice=link-other-browser/);
    await expect(stranger.getByText("That sign-in link was asked for in another browser")).toBeVisible();
    expect(await readSession(other)).toBeNull();
    await other.close();
    await deleteUser(user.id);
  });

  test("the link and code pages have no axe violations", async ({ page }) => {
    // Two pages, a form submit and two axe runs: more than the default budget on a loaded machine.
    test.slow();
    await page.goto("/login/link");
    await expectNoAxeViolations(page);
    await askForLink(page, uniqueEmail("axe"));
    await expectNoAxeViolations(page);
  });
});
