import { expect, test } from "@playwright/test";
import { primaryLink, waitForMail } from "./support/inbox";
import { deleteUser, findUserIdByEmail, profileRow, TEST_PASSWORD, uniqueEmail } from "./support/users";
import {
  addTags,
  continueTo,
  expectCompletion,
  expectStep,
  fillEducation,
  fillExperience,
} from "./support/wizard-steps";

// Sign-up, a mail round trip and six steps through server actions; allow for a busy machine.
test.describe.configure({ timeout: 180_000 });

test("a person signs up, confirms by mail, finishes the wizard and sees a 100 % profile", async ({ page }) => {
  const email = uniqueEmail("wizard");
  await page.goto("/signup");
  await page.getByLabel("Full name").fill("Ada Lovelace");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(TEST_PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/check-email$/, { timeout: 30_000 });

  await page.goto(primaryLink(await waitForMail(email, { subject: "Confirm your email for Autoprofile" })));
  await expectStep(page, "experience");
  await expectCompletion(page, 0);

  await page.getByRole("button", { name: /Frontend engineer/ }).click();
  await fillExperience(page, "6", "senior");
  await continueTo(page, "education");
  await fillEducation(page, "bachelors", "Design");
  await continueTo(page, "skills");
  await addTags(page, "Skills", ["Figma"]);
  await continueTo(page, "preferences");
  await page.getByLabel("Work arrangement").selectOption("remote");
  await addTags(page, "Preferred locations", ["Anywhere in the EU"]);
  await continueTo(page, "salary");
  await page.getByLabel("Minimum salary").fill("70000");
  await page.getByLabel("Currency").selectOption("EUR");
  await continueTo(page, "review");
  await page.getByRole("button", { name: "Finish" }).click();

  await expect(page).toHaveURL(/\/profile\?welcome=1$/, { timeout: 30_000 });
  await expectCompletion(page, 100);
  await expect(page.getByText("Every question is answered.")).toBeVisible();
  const userId = await findUserIdByEmail(email);
  expect(userId).not.toBeNull();
  expect(await profileRow(userId as string)).toMatchObject({
    profile_completed: true,
    skills_technologies: ["TypeScript", "React", "CSS", "HTML", "Accessibility", "Testing", "Figma"],
    salary_min: 70000,
    salary_max: null,
    salary_currency: "EUR",
  });
  await deleteUser(userId as string);
});
