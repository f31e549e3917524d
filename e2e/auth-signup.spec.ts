import { expect, test, type Page } from "@playwright/test";
import pg from "pg";
import { expectNoAxeViolations } from "./support/axe";
import { mailIds, primaryLink, waitForMail } from "./support/inbox";
import { createConfirmedUser, findUserIdByEmail, profileRow, TEST_PASSWORD, uniqueEmail } from "./support/users";

const CONFIRM_SUBJECT = "Confirm your email for Autoprofile";

async function signUp(page: Page, email: string, password = TEST_PASSWORD) {
  await page.goto("/signup");
  await page.getByLabel("Full name").fill("Grace Hopper");
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
}

test.describe("sign-up", () => {
  test("sign up → confirm through the mail → onboarding, with the default profile in the database", async ({
    page,
  }) => {
    const email = uniqueEmail("signup");
    await signUp(page, email);

    await expect(page).toHaveURL(/\/check-email$/);
    await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
    await expect(page.getByText(email)).toBeVisible();
    await expectNoAxeViolations(page);

    const mail = await waitForMail(email, { subject: CONFIRM_SUBJECT });
    await page.goto(primaryLink(mail));

    await expect(page).toHaveURL(/\/onboarding(\/|$)/);
    const userId = await findUserIdByEmail(email);
    expect(userId).not.toBeNull();
    const profile = await profileRow(userId as string);
    expect(profile).toMatchObject({ user_id: userId, profile_completed: false, salary_currency: "USD" });
  });

  test("signing up again with a registered address answers exactly like a new one", async ({ page }) => {
    const existing = await createConfirmedUser();
    await signUp(page, existing.email, "another-fine-passphrase");
    await expect(page).toHaveURL(/\/check-email$/);
    const existingText = await page.getByRole("main").innerText();

    const fresh = uniqueEmail("fresh");
    await signUp(page, fresh, "another-fine-passphrase");
    await expect(page).toHaveURL(/\/check-email$/);
    const freshText = await page.getByRole("main").innerText();

    expect(existingText.replace(existing.email, "<email>")).toBe(freshText.replace(fresh, "<email>"));
    await expect(page.getByRole("main").getByRole("alert")).toHaveCount(0);
  });

  test("the form explains bad input inline, and the server enforces the same policy", async ({ page }) => {
    await page.goto("/signup");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByText("Enter your name.")).toBeVisible();
    await expect(page.getByText("Enter your email address.")).toBeVisible();
    await expect(page.getByText("Enter a password.")).toBeVisible();
    await page.getByLabel("Full name").fill("Grace Hopper");

    await page.getByLabel("Email", { exact: true }).fill("not-an-email");
    await page.getByLabel("Password", { exact: true }).fill("password123");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByText("Enter a valid email address, like name@example.com.")).toBeVisible();
    await expect(page.getByText("This password is too common")).toBeVisible();
    await expect(page.getByLabel("Password", { exact: true })).toHaveAttribute("aria-invalid", "true");
    await expectNoAxeViolations(page);
    await expect(page).toHaveURL(/\/signup$/);
  });

  test("check-email resends the confirmation link", async ({ page }) => {
    const email = uniqueEmail("resend");
    await signUp(page, email);
    await expect(page).toHaveURL(/\/check-email$/);
    await waitForMail(email, { subject: CONFIRM_SUBJECT });
    const seen = await mailIds(email);

    await page.getByRole("button", { name: "Send the link again" }).click();
    await expect(
      page.getByRole("main").getByRole("status").filter({ hasText: "a new link is on its way" }),
    ).toBeVisible();
    const second = await waitForMail(email, { subject: CONFIRM_SUBJECT, exclude: seen });

    await page.goto(primaryLink(second));
    await expect(page).toHaveURL(/\/onboarding(\/|$)/);
  });

  test("a failing signup shows a human message with a reference, never the database error", async ({ page }) => {
    const db = new pg.Client({ connectionString: process.env.SUPABASE_DB_URL });
    await db.connect();
    const marker = `e2e-broken-${Date.now()}`;
    // A trigger that fails only for this test's address, so parallel tests are unaffected.
    await db.query(`
      create or replace function public.e2e_fail_signup() returns trigger language plpgsql as $$
      begin
        if new.email like '${marker}%' then raise exception 'e2e: simulated trigger failure'; end if;
        return new;
      end $$;
      create trigger e2e_fail_signup after insert on auth.users for each row execute function public.e2e_fail_signup();
    `);
    try {
      await signUp(page, `${marker}@example.com`);
      const alert = page.getByRole("main").getByRole("alert");
      await expect(alert).toContainText(
        /Something went wrong on our side\. Please try again\. \(Reference [0-9a-f]{8}\)/,
      );
      await expect(page.getByText("Database error")).toHaveCount(0);
      await expect(page).toHaveURL(/\/signup$/);
      await expect(page.getByLabel("Email", { exact: true })).toHaveValue(`${marker}@example.com`);
    } finally {
      await db.query(
        "drop trigger if exists e2e_fail_signup on auth.users; drop function if exists public.e2e_fail_signup();",
      );
      await db.end();
    }
  });
});
