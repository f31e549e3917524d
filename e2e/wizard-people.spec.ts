/**
 * What people tripped over in the wizard, done the way they did it: a tag still being typed when
 * they press Continue, a stale draft, "Add skills" from the profile, skipped vs answered, focus,
 * the salary step, the role picker, odd numbers — and the wizard without JavaScript.
 */
import { expect, test, type Page } from "@playwright/test";
import { createConfirmedUser, deleteUser, profileRow, type TestUser } from "./support/users";
import { continueTo, expectStep, fillEducation, fillExperience, skipTo } from "./support/wizard-steps";
import { signInWithSession } from "./support/sign-in";

test.describe.configure({ timeout: 120_000 });

let user: TestUser;
test.beforeEach(async () => {
  user = await createConfirmedUser();
});
test.afterEach(async () => {
  await deleteUser(user.id);
});

const WIDTHS = [390, 1280] as const;

async function shot(page: Page, name: string) {
  await page.screenshot({ path: test.info().outputPath(`${name}.png`), fullPage: true });
}

for (const width of WIDTHS) {
  test(`a skill still being typed is saved by the first Continue (${width} px)`, async ({ page }) => {
    await page.setViewportSize({ width, height: 844 });
    await signInWithSession(page, user, "/onboarding/skills");
    const input = page.getByLabel("Skills", { exact: true });
    for (const skill of ["Go", "SQL", "Rust"]) {
      await input.fill(skill);
      await input.press("Enter");
    }
    await input.fill("Kubernetes");
    await shot(page, `pending-skill-${width}`);
    await page.getByRole("button", { name: "Continue" }).click();
    await expectStep(page, "preferences");
    expect((await profileRow(user.id))?.skills_technologies).toEqual(["Go", "SQL", "Rust", "Kubernetes"]);
  });

  test(`salary: the currency name is whole, amounts read back with separators per year (${width} px)`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height: 844 });
    await signInWithSession(page, user, "/onboarding/salary");
    const currency = page.getByLabel("Currency");
    await currency.selectOption("USD");
    // The select is wide enough for its longest common label.
    expect(await currency.evaluate((select: HTMLSelectElement) => select.scrollWidth <= select.clientWidth + 1)).toBe(
      true,
    );
    await expect(page.getByText("The currency you are paid in.", { exact: true })).toBeVisible();
    await page.getByLabel("Minimum salary").fill("85000");
    await expect(page.getByText("85,000 USD per year")).toBeVisible();
    await page.getByLabel("Maximum salary").fill("120,000");
    await expect(page.getByText("120,000 USD per year")).toBeVisible();
    await shot(page, `salary-${width}`);
    await continueTo(page, "review");
    await expect(page.getByText("85,000 USD – 120,000 USD per year")).toBeVisible();
    expect(await profileRow(user.id)).toMatchObject({ salary_min: 85000, salary_max: 120000 });
  });
}

test("only plain decimal integers: 1e1, 0x10 and ' 1e1 ' as years, 1e5 as salary are refused", async ({ page }) => {
  await signInWithSession(page, user, "/onboarding/experience");
  for (const years of ["1e1", "0x10", " 1e1 "]) {
    await fillExperience(page, years, "mid");
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page.getByText("Enter years of experience as a whole number, like 12")).toBeVisible();
    await expectStep(page, "experience");
  }
  await page.getByLabel("Years of experience").fill("10");
  await continueTo(page, "education");
  expect((await profileRow(user.id))?.years_of_experience).toBe(10);

  await page.goto("/onboarding/salary");
  await page.getByLabel("Minimum salary").fill("1e5");
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByText("Enter minimum salary as a whole number, like 85,000")).toBeVisible();
  expect((await profileRow(user.id))?.salary_min).toBeNull();
});

test("without JavaScript a step posts its answers (never a GET with them in the URL) and moves on", async ({
  browser,
}) => {
  // Signed in with JavaScript; the wizard is then used in a browser without it.
  const signedIn = await browser.newContext();
  await signInWithSession(await signedIn.newPage(), user, "/onboarding/experience");
  const context = await browser.newContext({ javaScriptEnabled: false, storageState: await signedIn.storageState() });
  await signedIn.close();
  const page = await context.newPage();
  await page.goto("/onboarding/experience");
  await expect(page.getByRole("heading", { name: "Your experience" })).toBeVisible();
  const methods: string[] = [];
  page.on("request", (request) => {
    if (request.url().includes("/onboarding/experience")) methods.push(`${request.method()} ${request.url()}`);
  });
  await fillExperience(page, "6", "senior");
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page).toHaveURL(/\/onboarding\/education/, { timeout: 30_000 });
  expect(methods[0]).toMatch(/^POST /);
  expect(methods.join(" ")).not.toContain("years_of_experience=");
  expect(await profileRow(user.id)).toMatchObject({ years_of_experience: 6, experience_level: "senior" });

  // A mistake comes back with the message and what was typed.
  await page.getByLabel("Education level").selectOption("");
  await page.getByLabel("Field of study").fill("Geology");
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByText("Choose your education level")).toBeVisible();
  await expect(page.getByLabel("Field of study")).toHaveValue("Geology");
  await context.close();
});

test("a stale draft loses to answers saved later on the profile page", async ({ page }) => {
  await signInWithSession(page, user, "/onboarding");
  await fillExperience(page, "4", "mid");
  await continueTo(page, "education");
  await fillEducation(page, "bachelors", "History");
  await continueTo(page, "skills");
  await page.getByRole("link", { name: "Back" }).click();
  await expectStep(page, "education");
  await page.getByLabel("Field of study").fill("Draft that was never saved");

  await page.goto("/profile");
  await page.getByRole("button", { name: "Edit education" }).click();
  await page.getByLabel("Field of study").fill("Archaeology");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Saved.")).toBeVisible();

  await page.goto("/onboarding/education");
  await expect(page.getByLabel("Field of study")).toHaveValue("Archaeology");
});

test("'Add skills' on the profile comes back to the profile once saved", async ({ page }) => {
  await signInWithSession(page, user, "/profile");
  await page.getByRole("link", { name: "Add skills" }).click();
  await expectStep(page, "skills");
  await page.getByLabel("Skills", { exact: true }).fill("Haskell");
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page).toHaveURL(/\/profile(#section-skills)?$/, { timeout: 30_000 });
  await expect(page.getByRole("region", { name: "Skills" }).getByText("Haskell")).toBeVisible();
});

test("skipped steps are marked as skipped, saved-empty fields are not called skipped", async ({ page }) => {
  await signInWithSession(page, user, "/onboarding");
  await fillExperience(page, "2", "junior");
  await continueTo(page, "education");
  await fillEducation(page, "bachelors");
  await continueTo(page, "skills");
  await skipTo(page, "preferences");
  const stepper = page.getByRole("navigation", { name: "Onboarding steps" });
  await expect(stepper.getByRole("link", { name: "Skills (left for later)" })).toBeVisible();
  await expect(stepper.getByRole("link", { name: "Education (done)" })).toBeVisible();
  await skipTo(page, "salary");
  await skipTo(page, "review");
  // Field of study was left blank on a saved step: not a skip.
  await expect(page.getByText("None given")).toHaveCount(1);
  await expect(page.getByText("Skipped")).toHaveCount(4);
  await shot(page, "review-skipped");
});

test("'all set' shows only at 100 % and not again after a reload", async ({ page }) => {
  await signInWithSession(page, user, "/onboarding");
  await fillExperience(page, "2", "junior");
  await continueTo(page, "education");
  await fillEducation(page, "bachelors", "Art");
  await continueTo(page, "skills");
  await page.goto("/onboarding/review");
  await page.getByRole("button", { name: "Finish" }).click();
  await expect(page).toHaveURL(/\/profile/, { timeout: 30_000 });
  await expect(page.getByText("Your answers are saved.")).toBeVisible();
  await expect(page.getByText("You are all set")).toHaveCount(0);
  await page.reload();
  await expect(page.getByText("Your answers are saved.")).toHaveCount(0);
});

test("focus follows the step: heading after a step change, the list after a removal, few Tab stops", async ({
  page,
}) => {
  await signInWithSession(page, user, "/onboarding/experience");
  await expect(page.getByRole("heading", { name: "Your experience" })).toBeFocused();
  // Heading → role picker (one stop) → years.
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: /Frontend engineer/ })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Years of experience")).toBeFocused();

  await fillExperience(page, "3", "mid");
  await continueTo(page, "education");
  await expect(page.getByRole("heading", { name: "Your education" })).toBeFocused();

  await page.goto("/onboarding/skills");
  const input = page.getByLabel("Skills", { exact: true });
  await input.fill("a,b,c,");
  await page.getByRole("button", { name: "Remove b" }).click();
  await expect(page.getByRole("button", { name: "Remove c" })).toBeFocused();
  await page.getByRole("button", { name: "Remove c" }).press("Enter");
  await expect(page.getByRole("button", { name: "Remove a" })).toBeFocused();
});

test("the role picker never overwrites typed answers and says what it fills", async ({ page }) => {
  await signInWithSession(page, user, "/onboarding/experience");
  await expect(page.getByText("not your preferred locations and salary range")).toBeVisible();
  await page.getByLabel("Years of experience").fill("12");
  await page.getByRole("button", { name: /Data analyst/ }).click();
  await expect(page.getByLabel("Years of experience")).toHaveValue("12");
  await expect(page.getByLabel("Experience level")).toHaveValue("junior");
  await expect(
    page.getByRole("status").filter({ hasText: "Your years of experience stayed as you typed" }),
  ).toBeVisible();
  await shot(page, "template-kept");
  await continueTo(page, "education");
  await expect(page.getByLabel("Field of study")).toHaveValue("Statistics");
});
