import { expect, test } from "@playwright/test";
import { createConfirmedUser, deleteUser, profileRow } from "./support/users";
import { continueTo, expectCompletion, expectStep, fillEducation, fillExperience } from "./support/wizard-steps";
import { signInWithSession } from "./support/sign-in";

// Every test signs in and saves several steps through server actions; allow for a busy machine.
test.describe.configure({ timeout: 120_000 });

test.describe("profile page", () => {
  test("missing-field links land on the step that asks for the field", async ({ page }) => {
    const user = await createConfirmedUser();
    await signInWithSession(page, user, "/profile");
    await expect(page.getByRole("heading", { name: "Your profile" })).toBeVisible();
    await expectCompletion(page, 0);

    const cases = [
      ["Add years of experience", "experience"],
      ["Add education level", "education"],
      ["Add field of study", "education"],
      ["Add skills", "skills"],
      ["Add work arrangement", "preferences"],
      ["Add preferred locations", "preferences"],
      ["Add salary range", "salary"],
    ] as const;
    for (const [link, step] of cases) {
      await page.goto("/profile");
      await page.getByRole("link", { name: link }).click();
      await expectStep(page, step);
    }
    await deleteUser(user.id);
  });

  test("sections are edited in place, validated, and the history lists the change", async ({ page }) => {
    const user = await createConfirmedUser();
    await signInWithSession(page, user, "/onboarding");
    await fillExperience(page, "3", "mid");
    await continueTo(page, "education");
    await fillEducation(page, "bachelors", "History");
    await continueTo(page, "skills");

    await page.goto("/profile");
    await expectCompletion(page, 68);
    await page.getByRole("button", { name: "Edit experience" }).click();
    await page.getByLabel("Years of experience").fill("99");
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByText("Years of experience must be at most 70")).toBeVisible();
    await page.getByLabel("Years of experience").fill("6");
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByText("Saved.")).toBeVisible();
    await expect(page.getByRole("region", { name: "Experience" }).getByText("6 years")).toBeVisible();

    await page.getByRole("button", { name: "Edit salary" }).click();
    await page.getByLabel("Minimum salary").fill("50000");
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByRole("region", { name: "Salary" }).getByText("From 50,000 USD")).toBeVisible();
    await expectCompletion(page, 76);

    // History: collapsed, one entry per save (newest first), in the words and formats of the profile.
    const history = page.getByRole("region", { name: "History" });
    const summary = history.getByText(/^Show \d+ saves?$/);
    await expect(summary).toHaveText("Show 4 saves");
    await summary.click();
    const saves = history.getByRole("list").first().locator(":scope > li");
    await expect(saves).toHaveCount(4);
    await expect(saves.nth(0)).toContainText("Salary range: From 50,000 USD per year");
    await expect(saves.nth(1)).toContainText("Years of experience: 3 years → 6 years");
    await expect(saves.nth(2)).toContainText("Education level: Bachelor's degree");
    await expect(saves.nth(2)).toContainText("Field of study: History");
    await expect(saves.nth(3)).toContainText("Years of experience: 3 years");
    await expect(history).not.toContainText("empty");
    expect(await profileRow(user.id)).toMatchObject({ years_of_experience: 6, salary_min: 50000 });
    await deleteUser(user.id);
  });
});
