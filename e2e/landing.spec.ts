import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./support/axe";

test.describe("landing page", () => {
  test("explains the product and links to sign-up and sign-in", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Your profile is ready");
    await expect(page.getByRole("link", { name: "Create your profile" })).toHaveAttribute("href", "/signup");
    await expect(
      page.getByRole("navigation", { name: "Account" }).getByRole("link", { name: "Sign in" }),
    ).toHaveAttribute("href", "/login");
    await expectNoAxeViolations(page);
  });

  test("unknown pages answer 404 with a way back", async ({ page }) => {
    const response = await page.goto("/this-page-does-not-exist");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    await page.getByRole("link", { name: "Back to the home page" }).click();
    await expect(page).toHaveURL("/");
  });
});
