import { expect, test } from "@playwright/test";
import { createConfirmedUser, deleteUser, profileRow } from "./support/users";
import {
  continueTo,
  expectCompletion,
  expectStep,
  fillEducation,
  fillExperience,
  signIn,
} from "./support/wizard-steps";

// Every test signs in and saves several steps through server actions; allow for a busy machine.
test.describe.configure({ timeout: 120_000 });

test.describe("profile page", () => {
  test("missing-field links land on the step that asks for the field", async ({ page }) => {
    const user = await createConfirmedUser();
    await signIn(page, user, "/profile");
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
    await signIn(page, user, "/onboarding");
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
    await expect(page.getByText("6 years")).toBeVisible();

    await page.getByRole("button", { name: "Edit salary" }).click();
    await page.getByLabel("Minimum salary").fill("50000");
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByText("From 50,000 USD")).toBeVisible();
    await expectCompletion(page, 76);

    const history = page.getByRole("region", { name: "History" });
    await expect(history.getByText("Years of experience: 3 → 6")).toBeVisible();
    await expect(history.getByText("Minimum salary: empty → 50000")).toBeVisible();
    expect(await profileRow(user.id)).toMatchObject({ years_of_experience: 6, salary_min: 50000 });
    await deleteUser(user.id);
  });
});
