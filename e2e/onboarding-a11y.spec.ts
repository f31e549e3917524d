import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./support/axe";
import { createConfirmedUser, deleteUser, profileRow } from "./support/users";
import { expectStep } from "./support/wizard-steps";
import { signInWithSession } from "./support/sign-in";

// Every test signs in and saves several steps through server actions; allow for a busy machine.
test.describe.configure({ timeout: 120_000 });

const STEPS = ["experience", "education", "skills", "preferences", "salary", "review"] as const;

// One test per width, so the two run side by side (each: 6 steps + the profile page, analysed by axe).
for (const viewport of [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
]) {
  test(`axe finds no violations on any step or the profile page at ${viewport.width} px`, async ({ page }) => {
    test.setTimeout(300_000); // 7–8 pages, each analysed by axe
    const user = await createConfirmedUser();
    await signInWithSession(page, user, "/onboarding");
    await page.setViewportSize(viewport);
    for (const step of STEPS) {
      await page.goto(`/onboarding/${step}`);
      await expectStep(page, step);
      await expectNoAxeViolations(page);
      // The step's content fits the viewport (nothing to scroll sideways inside <main>).
      const main = page.getByRole("main");
      expect(await main.evaluate((element) => element.scrollWidth <= element.clientWidth)).toBe(true);
      expect(await main.evaluate((element) => element.getBoundingClientRect().right)).toBeLessThanOrEqual(
        viewport.width,
      );
      await page.screenshot({ path: test.info().outputPath(`${step}-${viewport.width}.png`), fullPage: true });
    }
    await page.goto("/profile");
    await expect(page.getByRole("heading", { name: "Your profile" })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.screenshot({ path: test.info().outputPath(`profile-${viewport.width}.png`), fullPage: true });
    if (viewport.width === 390) {
      // Validation errors are part of the page people see: check them too.
      await page.goto("/onboarding/experience");
      await page.getByRole("button", { name: "Continue" }).click();
      await expect(page.getByText("Enter your years of experience")).toBeVisible();
      await expectNoAxeViolations(page);
    }
    await deleteUser(user.id);
  });
}

test("a step can be completed with the keyboard alone", async ({ page }) => {
  const user = await createConfirmedUser();
  await signInWithSession(page, user, "/onboarding/preferences");
  await expectStep(page, "preferences");

  await page.getByLabel("Work arrangement").focus();
  await page.keyboard.press("ArrowDown"); // "any" → first option after the placeholder
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Preferred locations")).toBeFocused();
  await page.keyboard.type("Lisbon");
  await page.keyboard.press("Enter");
  await page.keyboard.type("Porto,");
  await expect(page.getByRole("button", { name: "Remove Porto" })).toBeVisible();
  await page.keyboard.press("Shift+Tab");
  await expect(page.getByRole("button", { name: "Remove Porto" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("button", { name: "Remove Porto" })).toHaveCount(0);
  await page.getByLabel("Preferred locations").focus();
  await page.keyboard.type("Madrid");
  await page.keyboard.press("Enter");

  // Tab to Continue (past Back and Skip for now) and press it.
  for (let i = 0; i < 10; i += 1) {
    await page.keyboard.press("Tab");
    if ((await page.evaluate(() => document.activeElement?.textContent?.trim())) === "Continue") break;
  }
  await page.keyboard.press("Enter");
  await expectStep(page, "salary");
  const row = await profileRow(user.id);
  expect(row?.preferred_locations).toEqual(["Lisbon", "Madrid"]);
  expect(row?.work_arrangement_preference).not.toBeNull();
  await deleteUser(user.id);
});
