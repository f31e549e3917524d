/**
 * Details people notice: the favicon, the landing preview's number, /account with a long address on
 * a phone, the hidden username on password forms, and limits counted the way people count.
 */
import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./support/axe";
import { createConfirmedUser, deleteUser, findUserIdByEmail, TEST_PASSWORD } from "./support/users";
import { addTags, continueTo, fillExperience, signIn } from "./support/wizard-steps";

test.describe.configure({ timeout: 120_000 });

test("the landing page has a favicon and a preview at the percentage the app gives it", async ({ page }) => {
  await page.goto("/");
  const href = await page.locator('head link[rel="icon"]').first().getAttribute("href");
  expect(href).toMatch(/^\/icon\.svg/);
  const icon = await page.request.get(href as string);
  expect(icon.status()).toBe(200);
  expect(icon.headers()["content-type"]).toContain("image/svg+xml");
  // The number is pinned to the database's score by supabase/tests/landing-preview.int.test.ts.
  await expect(page.getByRole("figure", { name: "Example profile, 76% complete" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Account" }).getByRole("link", { name: "Sign in" })).toBeVisible();
});

test("/account fits a phone with a long address; password forms name the account", async ({ page }) => {
  const local = `e2e-${"long".repeat(14)}`.slice(0, 60);
  const user = await createConfirmedUser({ email: `${local}-${Date.now()}@a-rather-long-subdomain.example.com` });
  await page.setViewportSize({ width: 390, height: 900 });
  await signIn(page, user, "/account");
  await expect(page.getByRole("heading", { name: "Account", level: 1 })).toBeVisible();
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    await page.screenshot({ path: test.info().outputPath(`account-${width}.png`), fullPage: true });
  }
  for (const form of ["Change password", "Delete account"]) {
    const username = page.getByRole("form", { name: form }).locator('input[autocomplete="username"]');
    await expect(username).toHaveValue(user.email);
    await expect(username).toBeHidden();
  }
  await expectNoAxeViolations(page);
  await deleteUser(user.id);
});

test("Check your email keeps a long address inside its card on a phone", async ({ page }) => {
  const email = `${"ada.lovelace.".repeat(3)}${Date.now()}@a-rather-long-subdomain.example.com`;
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/signup");
  await page.getByLabel("Full name").fill("Ada Lovelace");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(TEST_PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/check-email$/, { timeout: 30_000 });
  const card = page.getByRole("heading", { name: "Check your email" }).locator("xpath=..");
  const address = card.getByText(email, { exact: true });
  const [cardBox, addressBox] = [await card.boundingBox(), await address.boundingBox()];
  expect(addressBox!.x + addressBox!.width).toBeLessThanOrEqual(cardBox!.x + cardBox!.width);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.screenshot({ path: test.info().outputPath("check-email-390.png"), fullPage: true });
  const id = await findUserIdByEmail(email);
  if (id) await deleteUser(id);
});

test("limits count characters as people see them", async ({ page }) => {
  const user = await createConfirmedUser();
  await signIn(page, user, "/onboarding");
  await fillExperience(page, "3", "mid");
  await continueTo(page, "education");
  await page.getByLabel("Education level").selectOption("bachelors");
  const field = page.getByLabel("Field of study");
  // A paste longer than the limit is kept whole and counted, not silently cut.
  await field.fill("x".repeat(130));
  await expect(field).toHaveValue("x".repeat(130));
  await expect(page.getByTestId("character-count")).toHaveText("130 / 120 — too long");
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByText("Field of study can be at most 120 characters")).toBeVisible();
  await field.fill("Computer science 👩🏽‍💻");
  await expect(page.getByTestId("character-count")).toHaveText("18 / 120");
  await continueTo(page, "skills");
  // Ten technologists are ten characters, well within a skill's 50.
  await addTags(page, "Skills", ["👩🏽‍💻".repeat(10)]);
  await expect(page.getByText("at most 50 characters")).toHaveCount(0);
  await continueTo(page, "preferences");
  await page.goto("/profile");
  // The skills section shows it as given (the collapsed history holds the same text).
  const skills = page.getByRole("region", { name: "Skills" });
  await expect(skills.getByText("👩🏽‍💻".repeat(10), { exact: true })).toBeVisible();
  await deleteUser(user.id);
});
