import { expect, test } from "@playwright/test";
import { createConfirmedUser, deleteUser, profileRow, type TestUser } from "./support/users";
import { continueTo, expectStep, fillEducation, fillExperience } from "./support/wizard-steps";
import { signInWithSession } from "./support/sign-in";

// Every test signs in and saves several steps through server actions; allow for a busy machine.
test.describe.configure({ timeout: 120_000 });

let user: TestUser;
test.beforeEach(async () => {
  user = await createConfirmedUser();
});
test.afterEach(async () => {
  await deleteUser(user.id);
});

test.describe("wizard validation: errors next to their fields, nothing typed is lost", () => {
  test("experience: empty, out-of-range and fractional years", async ({ page }) => {
    await signInWithSession(page, user, "/onboarding/experience");
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page.getByText("Enter your years of experience")).toBeVisible();
    await expect(page.getByText("Choose your experience level")).toBeVisible();

    await fillExperience(page, "71", "mid");
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page.getByText("Years of experience must be at most 70")).toBeVisible();
    await expect(page.getByLabel("Years of experience")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel("Experience level")).toHaveValue("mid");
    await expectStep(page, "experience");

    await page.getByLabel("Years of experience").fill("-3");
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page.getByText("Years of experience must be at least 0")).toBeVisible();
    await page.getByLabel("Years of experience").fill("70");
    await continueTo(page, "education");
    expect(await profileRow(user.id)).toMatchObject({ years_of_experience: 70, experience_level: "mid" });
  });

  test("education: a level is required and the field of study has a length limit", async ({ page }) => {
    await signInWithSession(page, user, "/onboarding/education");
    await page.getByLabel("Field of study").fill("Biology");
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page.getByText("Choose your education level")).toBeVisible();
    await expect(page.getByLabel("Field of study")).toHaveValue("Biology");
    await fillEducation(page, "associates", "Biology");
    await continueTo(page, "skills");
  });

  test("skills: the 51st skill is refused with the limit shown", async ({ page }) => {
    await signInWithSession(page, user, "/onboarding/skills");
    const many = Array.from({ length: 51 }, (_, i) => `skill-${i + 1}`);
    await page.getByLabel("Skills", { exact: true }).fill(`${many.join(",")},`);
    await expect(page.getByText("You can add up to 50 skills")).toBeVisible();
    await expect(page.getByText("50 of 50 skills")).toBeVisible();
    await expect(page.getByRole("button", { name: "Remove skill-51" })).toHaveCount(0);

    // The server enforces the same limit when the browser is bypassed.
    await page.evaluate(() => {
      const form = document.querySelector("form[id]");
      const extra = document.createElement("input");
      extra.type = "hidden";
      extra.name = "skills_technologies[]";
      extra.value = "smuggled-51st";
      form?.append(extra);
    });
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "You can add up to 50 skills" })).toBeVisible();
    await expectStep(page, "skills");
    expect((await profileRow(user.id))?.skills_technologies).toBeNull();
  });

  test("salary: minimum above maximum, and an unknown currency", async ({ page }) => {
    await signInWithSession(page, user, "/onboarding/salary");
    await page.getByLabel("Minimum salary").fill("90000");
    await page.getByLabel("Maximum salary").fill("60000");
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page.getByText("Maximum salary must be at least the minimum salary")).toBeVisible();
    await expect(page.getByLabel("Minimum salary")).toHaveValue("90000");

    await page.getByLabel("Maximum salary").fill("95000");
    // Only listed currencies can be picked; a forged option is rejected all the same.
    await page.getByLabel("Currency").evaluate((select) => {
      const option = document.createElement("option");
      option.value = "XYZ";
      option.textContent = "XYZ";
      select.append(option);
    });
    await page.getByLabel("Currency").selectOption("XYZ");
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page.getByText("Choose a currency from the list")).toBeVisible();
    await expectStep(page, "salary");

    await page.getByLabel("Currency").selectOption("GBP");
    await continueTo(page, "review");
    expect(await profileRow(user.id)).toMatchObject({ salary_min: 90000, salary_max: 95000, salary_currency: "GBP" });
  });

  test("a network failure keeps everything typed and says what happened", async ({ page }) => {
    await signInWithSession(page, user, "/onboarding/experience");
    await fillExperience(page, "12", "lead");
    // The server action is a POST to the page's URL: fail it as a dropped connection would.
    await page.route("**/onboarding/experience", (route) =>
      route.request().method() === "POST" ? route.abort("internetdisconnected") : route.continue(),
    );
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "We could not reach the server" })).toBeVisible();
    await expect(page.getByLabel("Years of experience")).toHaveValue("12");
    await expect(page.getByLabel("Experience level")).toHaveValue("lead");

    await page.unroute("**/onboarding/experience");
    await continueTo(page, "education");
    expect(await profileRow(user.id)).toMatchObject({ years_of_experience: 12, experience_level: "lead" });
  });
});
