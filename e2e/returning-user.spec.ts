/**
 * A person's whole first visit and their return, as they live it: sign up with their name, confirm in
 * a second tab while the first waits on "Check your email", answer the required steps, come back
 * later and land on their profile; the history lists what they changed; the name follows them.
 * Under load each step can take seconds (axe alone several), so the journey is split in two tests.
 */
import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./support/axe";
import { primaryLink, waitForMail } from "./support/inbox";
import { createConfirmedUser, deleteUser, findUserIdByEmail, TEST_PASSWORD, uniqueEmail } from "./support/users";
import { continueTo, expectStep, fillEducation, fillExperience, signIn } from "./support/wizard-steps";

test.describe.configure({ timeout: 180_000 });

const NAVIGATION = { timeout: 30_000 };

async function shoot(page: Page, name: string) {
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(scrollWidth, `${name} at ${width} px`).toBeLessThanOrEqual(width);
    await page.screenshot({ path: test.info().outputPath(`${name}-${width}.png`), fullPage: true });
  }
}

test("sign up with a name, confirm in another tab, come back to the profile", async ({ page, context }) => {
  const email = uniqueEmail("return");
  await page.goto("/signup");
  await page.getByLabel("Full name").fill("Ada Lovelace");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(TEST_PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/check-email$/, NAVIGATION);
  await expect(page.getByText("Your email is confirmed")).toHaveCount(0);

  // The confirmation link opens in a new tab of the same browser; the first tab learns of it.
  const inboxTab = await context.newPage();
  await inboxTab.goto(primaryLink(await waitForMail(email, { subject: "Confirm your email for Autoprofile" })));
  await expectStep(inboxTab, "experience");
  await expect(inboxTab.getByText("Email confirmed — welcome to Autoprofile.")).toBeVisible();
  // Said once: the marker leaves the address bar, so a reload does not repeat it.
  await expect(inboxTab).toHaveURL(/\/onboarding\/experience$/);
  await inboxTab.reload();
  await expect(inboxTab.getByText("Email confirmed")).toHaveCount(0);
  await inboxTab.close();

  await page.bringToFront();
  await expect(page.getByText("Your email is confirmed. You can continue here.")).toBeVisible(NAVIGATION);
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: "Continue" }).click();
  await expectStep(page, "experience");
  await expect(page.getByText("Email confirmed — welcome to Autoprofile.")).toBeVisible();
  await expect(page.getByTestId("signed-in-as")).toHaveText("Signed in as Ada Lovelace");

  await fillExperience(page, "10", "senior");
  await continueTo(page, "education");
  await fillEducation(page, "bachelors", "");
  await continueTo(page, "skills");

  // Back later: sign out, sign in → the profile, not the wizard; /login while signed in too.
  await page.getByRole("button", { name: "Sign out" }).click();
  await signIn(page, { email, password: TEST_PASSWORD }, "/onboarding");
  await expect(page).toHaveURL(/\/profile$/, NAVIGATION);
  await page.goto("/login");
  await expect(page).toHaveURL(/\/profile$/, NAVIGATION);
  const sections = page.getByRole("navigation", { name: "Sections" });
  await expect(sections.getByRole("link", { name: "Profile" })).toBeVisible();
  await expect(sections.getByRole("link", { name: "Onboarding" })).toHaveCount(0);
  await expect(page.getByTestId("profile-owner")).toHaveText("Ada Lovelace");

  // History: collapsed, one entry per save, only what the person gave (no "0 → 10", no defaults).
  await page.getByRole("button", { name: "Edit experience" }).click();
  await page.getByLabel("Years of experience").fill("12");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Saved.")).toBeVisible();
  const history = page.getByRole("region", { name: "History" });
  const saves = history.getByText(/^Show \d+ saves?$/);
  await expect(saves).toHaveText("Show 3 saves");
  await expect(history.getByRole("listitem").first()).toBeHidden();
  await saves.click();
  await expect(history.getByText("Years of experience: 10 years → 12 years")).toBeVisible();
  await expect(history.getByText("Years of experience: 10 years", { exact: true })).toBeVisible();
  await expect(history.getByText("Education level: Bachelor's degree", { exact: true })).toBeVisible();
  await expect(history).not.toContainText("0 →");
  await expect(history).not.toContainText("Other");
  await expect(history).not.toContainText("empty");
  await expectNoAxeViolations(page);

  // On phones the history comes after the sections.
  await page.setViewportSize({ width: 390, height: 900 });
  const historyTop = (await history.boundingBox())?.y ?? 0;
  const experienceTop = (await page.getByRole("button", { name: "Edit experience" }).boundingBox())?.y ?? Infinity;
  expect(historyTop).toBeGreaterThan(experienceTop);
  await shoot(page, "profile");

  // The name travels with the account's data.
  const exported = await (await page.request.get("/account/export")).json();
  expect(exported.account.full_name).toBe("Ada Lovelace");

  await deleteUser((await findUserIdByEmail(email)) as string);
});

// A separate test: the whole journey above already takes minutes on a busy machine.
test("a name given later on /account shows in the header, the export and the landing page's way back", async ({
  page,
}) => {
  const user = await createConfirmedUser();
  await signIn(page, user, "/account");
  await expect(page.getByTestId("signed-in-as")).toHaveText(`Signed in as ${user.email}`);
  await page.getByLabel("Full name").fill("Ada King");
  await page.getByRole("button", { name: "Save name" }).click();
  await expect(page.getByText("Your name is saved.")).toBeVisible();
  await expect(page.getByTestId("signed-in-as")).toHaveText("Signed in as Ada King", NAVIGATION);
  await expectNoAxeViolations(page);
  const exported = await (await page.request.get("/account/export")).json();
  expect(exported.account.full_name).toBe("Ada King");

  // Signed in, the landing page offers the way back in, not sign-in/sign-up.
  await page.goto("/");
  const header = page.getByRole("navigation", { name: "Account" });
  await expect(header.getByRole("link", { name: "Your profile" })).toBeVisible();
  await expect(header.getByRole("link", { name: "Sign in" })).toHaveCount(0);
  // On a phone the logo and both buttons share the bar without widening the page.
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(header.getByRole("link", { name: "Profile", exact: true })).toBeVisible();
  await expect(header.getByRole("button", { name: "Sign out" })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.getByRole("link", { name: "Continue to your profile" }).click();
  // A new profile resumes the wizard at its first step.
  await expectStep(page, "experience");
  await deleteUser(user.id);
});
