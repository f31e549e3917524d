import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./support/axe";
import { primaryLink, waitForMail } from "./support/inbox";
import { createConfirmedUser, signInThroughUi, uniqueEmail } from "./support/users";

const SENT = "If an account uses that address, a link to reset the password is on its way.";

test.describe("password reset", () => {
  test("forgot → mail → new password → sign in with it", async ({ page }) => {
    const user = await createConfirmedUser();
    await page.goto("/forgot-password");
    await expectNoAxeViolations(page);
    await page.getByLabel("Email", { exact: true }).fill(user.email);
    await page.getByRole("button", { name: "Send reset link" }).click();
    await expect(page.getByRole("main").getByRole("status")).toContainText(SENT);

    const mail = await waitForMail(user.email, { subject: "Reset your Autoprofile password" });
    await page.goto(primaryLink(mail));
    await expect(page).toHaveURL(/\/reset-password$/);
    await expect(page.getByRole("heading", { name: "Choose a new password" })).toBeVisible();
    await expectNoAxeViolations(page);

    const newPassword = "lantern-orbit-walnut-42";
    await page.getByLabel("Password", { exact: true }).fill(newPassword);
    await page.getByLabel("Confirm password").fill("lantern-orbit-walnut-43");
    await page.getByRole("button", { name: "Update password" }).click();
    await expect(page.getByText("The passwords do not match.")).toBeVisible();

    await page.getByLabel("Confirm password").fill(newPassword);
    await page.getByRole("button", { name: "Update password" }).click();
    await expect(page).toHaveURL(/\/login\?notice=password-updated$/);
    await expect(page.getByRole("main").getByRole("status")).toContainText("Sign in with your new password");

    await page.getByLabel("Email", { exact: true }).fill(user.email);
    await page.getByLabel("Password", { exact: true }).fill(user.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("main").getByRole("alert")).toContainText("do not match");

    await page.getByLabel("Password", { exact: true }).fill(newPassword);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/onboarding(\/|$)/);
  });

  test("an unknown address gets the same answer", async ({ page }) => {
    await page.goto("/forgot-password");
    await page.getByLabel("Email", { exact: true }).fill(uniqueEmail("nobody"));
    await page.getByRole("button", { name: "Send reset link" }).click();
    await expect(page.getByRole("main").getByRole("status")).toContainText(SENT);
  });

  test("the reset page without a reset session offers a new link", async ({ page }) => {
    await page.goto("/reset-password");
    await expect(page.getByRole("heading", { name: "This reset link has expired" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Send a new reset link" })).toHaveAttribute("href", "/forgot-password");
    await expectNoAxeViolations(page);
  });

  test("a password sign-in is not enough to set a password without the current one", async ({ page }) => {
    const user = await createConfirmedUser();
    await signInThroughUi(page, user);
    await page.goto("/reset-password");
    await expect(page.getByRole("heading", { name: "Change your password" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Go to your account" })).toHaveAttribute("href", "/account");
    await expect(page.getByLabel("Confirm password")).toHaveCount(0);
  });

  test("a used or forged link lands on a page that offers a fresh one", async ({ page }) => {
    await page.goto("/auth/confirm?token_hash=pkce_forged&type=recovery");
    await expect(page).toHaveURL(/\/link-expired\?flow=recovery$/);
    await expect(page.getByRole("heading", { name: "This link has expired or was already used" })).toBeVisible();
    await expectNoAxeViolations(page);

    await page.goto("/auth/confirm?code=not-a-real-code&flow=signup");
    await expect(page).toHaveURL(/\/(link-expired\?flow=signup|login\?notice=email-confirmed)$/);
  });
});
