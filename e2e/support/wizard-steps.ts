/**
 * Helpers for the onboarding specs: fill a step by its accessible labels, continue and assert the
 * URL of the next step, read the completion bar.
 */
import { expect, type Page } from "@playwright/test";

/** Saving a step is a server round trip plus a render; a loaded CI machine can take a while. */
const NAVIGATION = { timeout: 30_000 };

/** Signs in through the real /login form (like users.ts' helper, with a wait that tolerates a busy machine). */
export async function signIn(page: Page, user: { email: string; password: string }, next: string): Promise<void> {
  await page.goto(`/login?next=${encodeURIComponent(next)}`);
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password", { exact: true }).fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/login/, NAVIGATION);
}

export async function expectStep(page: Page, slug: string): Promise<void> {
  await expect(page).toHaveURL(new RegExp(`/onboarding/${slug}(\\?|$)`), NAVIGATION);
  await expect(page.getByRole("progressbar", { name: "Profile completion" })).toBeVisible();
}

export async function expectCompletion(page: Page, percentage: number): Promise<void> {
  await expect(page.getByRole("progressbar", { name: "Profile completion" })).toHaveAttribute(
    "aria-valuenow",
    String(percentage),
  );
}

export async function continueTo(page: Page, slug: string): Promise<void> {
  await page.getByRole("button", { name: "Continue" }).click();
  await expectStep(page, slug);
}

export async function skipTo(page: Page, slug: string): Promise<void> {
  await page.getByRole("button", { name: "Skip for now" }).click();
  await expectStep(page, slug);
}

export async function fillExperience(page: Page, years: string, level: string): Promise<void> {
  await page.getByLabel("Years of experience").fill(years);
  await page.getByLabel("Experience level").selectOption(level);
}

export async function fillEducation(page: Page, level: string, field = ""): Promise<void> {
  await page.getByLabel("Education level").selectOption(level);
  await page.getByLabel("Field of study").fill(field);
}

/** Adds items to a tag input by typing each and pressing Enter. */
export async function addTags(page: Page, label: string, items: string[]): Promise<void> {
  // exact: the list of added items is labelled "Added skills", which also contains "Skills".
  const input = page.getByLabel(label, { exact: true });
  for (const item of items) {
    await input.fill(item);
    await input.press("Enter");
  }
}
