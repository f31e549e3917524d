/**
 * Helpers for the onboarding specs: fill a step by its accessible labels, continue and assert the
 * URL of the next step, read the completion bar.
 */
import { expect, type Page } from "@playwright/test";

export async function expectStep(page: Page, slug: string): Promise<void> {
  await expect(page).toHaveURL(new RegExp(`/onboarding/${slug}(\\?|$)`));
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
  const input = page.getByLabel(label);
  for (const item of items) {
    await input.fill(item);
    await input.press("Enter");
  }
}
