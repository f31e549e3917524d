import { expect, test } from "@playwright/test";
import { createConfirmedUser, deleteUser, profileRow } from "./support/users";
import {
  addTags,
  continueTo,
  expectCompletion,
  expectStep,
  fillEducation,
  fillExperience,
  signIn,
  skipTo,
} from "./support/wizard-steps";
import { signInWithSession } from "./support/sign-in";

// Every test signs in and saves several steps through server actions; allow for a busy machine.
test.describe.configure({ timeout: 120_000 });

test.describe("onboarding wizard", () => {
  test("a new user answers every step, reaches 100 % and the database holds every answer", async ({ page }) => {
    const user = await createConfirmedUser();
    // The journeys (this one, signing out and back in) go through the sign-in form; the rest get a cookie.
    await signIn(page, user, "/onboarding");
    await expectStep(page, "experience");
    await expectCompletion(page, 0);

    await fillExperience(page, "7", "senior");
    await continueTo(page, "education");
    await expectCompletion(page, 40);

    await fillEducation(page, "masters", "Computer science");
    await continueTo(page, "skills");
    await expectCompletion(page, 68);

    await addTags(page, "Skills", ["TypeScript", "PostgreSQL", "typescript"]);
    await expect(page.getByText("typescript is already in the list")).toBeVisible();
    await expect(page.getByRole("button", { name: /^Remove / })).toHaveCount(2);
    await page.getByRole("button", { name: "Remove PostgreSQL" }).click();
    await addTags(page, "Skills", ["Postgres"]);
    await continueTo(page, "preferences");
    await expectCompletion(page, 76);

    await page.getByLabel("Work arrangement").selectOption("hybrid");
    await page.getByLabel("Preferred locations").fill("Berlin, Lisbon,");
    await continueTo(page, "salary");
    await expectCompletion(page, 92);

    await page.getByLabel("Minimum salary").fill("80000");
    await page.getByLabel("Maximum salary").fill("110000");
    await page.getByLabel("Currency").selectOption("EUR");
    await continueTo(page, "review");
    await expectCompletion(page, 100);

    await expect(page.getByText("80,000 EUR – 110,000 EUR")).toBeVisible();
    await expect(page.getByText("TypeScript, Postgres")).toBeVisible();
    await page.getByRole("button", { name: "Finish" }).click();
    await expect(page).toHaveURL(/\/profile\?welcome=1$/, { timeout: 30_000 });
    await expect(page.getByText("your profile is complete")).toBeVisible();
    await expectCompletion(page, 100);

    expect(await profileRow(user.id)).toMatchObject({
      years_of_experience: 7,
      experience_level: "senior",
      education_level: "masters",
      field_of_study: "Computer science",
      skills_technologies: ["TypeScript", "Postgres"],
      work_arrangement_preference: "hybrid",
      preferred_locations: ["Berlin", "Lisbon"],
      salary_min: 80000,
      salary_max: 110000,
      salary_currency: "EUR",
      profile_completed: true,
    });
    await deleteUser(user.id);
  });

  test("skipping the optional steps leaves only the required answers counted", async ({ page }) => {
    const user = await createConfirmedUser();
    await signInWithSession(page, user, "/onboarding");
    await fillExperience(page, "2", "junior");
    await continueTo(page, "education");
    await expect(page.getByRole("button", { name: "Skip for now" })).toHaveCount(0);
    await fillEducation(page, "bachelors");
    await continueTo(page, "skills");
    await skipTo(page, "preferences");
    await skipTo(page, "salary");
    await skipTo(page, "review");
    // Required fields 3 × 20 %; a blank field of study and the skipped steps count nothing.
    await expectCompletion(page, 60);
    // Four skipped fields; the field of study was saved blank, which is not a skip.
    await expect(page.getByText("Skipped")).toHaveCount(4);
    await expect(page.getByText("None given")).toHaveCount(1);

    const row = await profileRow(user.id);
    expect(row).toMatchObject({
      profile_completed: true,
      work_arrangement_preference: null,
      skills_technologies: null,
    });
    // The required answers are in: coming back goes to the profile, not back to the skipped steps.
    await page.goto("/onboarding");
    await expect(page).toHaveURL(/\/profile$/);
    await deleteUser(user.id);
  });

  test("signing out mid-wizard and back in resumes at the first unanswered step", async ({ page }) => {
    const user = await createConfirmedUser();
    await signIn(page, user, "/onboarding");
    await fillExperience(page, "4", "mid");
    await continueTo(page, "education");

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).not.toHaveURL(/\/onboarding/);

    // The education level (required) is still unanswered: the wizard resumes there.
    await signIn(page, user, "/onboarding");
    await expectStep(page, "education");
    await expectCompletion(page, 40);
    await page.getByRole("link", { name: "Back" }).click();
    await expectStep(page, "experience");
    await expect(page.getByLabel("Years of experience")).toHaveValue("4");
    await expect(page.getByLabel("Experience level")).toHaveValue("mid");

    // Once the required answers are in, signing in lands on the profile instead.
    await continueTo(page, "education");
    await fillEducation(page, "phd", "Physics");
    await continueTo(page, "skills");
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).not.toHaveURL(/\/onboarding/);
    await signIn(page, user, "/onboarding");
    await expect(page).toHaveURL(/\/profile$/);
    await expectCompletion(page, 68);
    await deleteUser(user.id);
  });

  test("a role template pre-fills the steps and every suggestion can be changed", async ({ page }) => {
    const user = await createConfirmedUser();
    await signInWithSession(page, user, "/onboarding");
    await page.getByRole("button", { name: /Data analyst/ }).click();
    await expect(page.getByLabel("Years of experience")).toHaveValue("3");
    await expect(page.getByLabel("Experience level")).toHaveValue("junior");
    await page.getByLabel("Years of experience").fill("5");
    await continueTo(page, "education");

    await expect(page.getByLabel("Field of study")).toHaveValue("Statistics");
    await page.getByLabel("Field of study").fill("Economics");
    await continueTo(page, "skills");
    await expect(page.getByRole("button", { name: "Remove SQL" })).toBeVisible();
    await page.getByRole("button", { name: "Remove Excel" }).click();
    await addTags(page, "Skills", ["dbt"]);
    await continueTo(page, "preferences");
    await expect(page.getByLabel("Work arrangement")).toHaveValue("hybrid");

    expect(await profileRow(user.id)).toMatchObject({
      years_of_experience: 5,
      experience_level: "junior",
      field_of_study: "Economics",
      skills_technologies: ["SQL", "Python", "Tableau", "Statistics", "dbt"],
    });
    await deleteUser(user.id);
  });

  test("Back keeps what was typed on a step that was not saved yet", async ({ page }) => {
    const user = await createConfirmedUser();
    await signInWithSession(page, user, "/onboarding");
    await fillExperience(page, "9", "lead");
    await continueTo(page, "education");
    await page.getByLabel("Field of study").fill("Mathematics");
    await page.getByRole("link", { name: "Back" }).click();
    await expectStep(page, "experience");
    await expect(page.getByLabel("Years of experience")).toHaveValue("9");
    await page.getByRole("link", { name: "Education", exact: false }).first().click();
    await expectStep(page, "education");
    await expect(page.getByLabel("Field of study")).toHaveValue("Mathematics");
    await deleteUser(user.id);
  });
});
