import { expect, test, type Page } from "@playwright/test";
import pg from "pg";
import { createConfirmedUser, deleteUser, uniqueEmail } from "./support/users";

// The minutes count down while the lock lasts (a slow machine can take minutes over this test).
const LOCKED =
  /^Too many failed sign-ins for this email address\. Try again in (15|14|13|12|11|10) minutes, or reset your password\.$/;
const MISMATCH = "That email and password do not match. Check them and try again.";

/** One sign-in through the form, from the given client IP (the test app trusts X-Forwarded-For). */
async function signInFrom(page: Page, ip: string, email: string, password: string) {
  await page.setExtraHTTPHeaders({ "X-Forwarded-For": ip });
  await page.goto("/login");
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

test.describe("abuse limits through the app", () => {
  test("Auth sees the visitor's IP, not the app server's", async ({ page }) => {
    const user = await createConfirmedUser();
    await signInFrom(page, "198.51.100.61", user.email, user.password);
    await expect(page).not.toHaveURL(/\/login/);

    const db = new pg.Client({ connectionString: process.env.SUPABASE_DB_URL });
    await db.connect();
    try {
      const { rows } = await db.query("select host(ip) as ip from auth.sessions where user_id = $1", [user.id]);
      expect(rows).toEqual([{ ip: "198.51.100.61" }]);
    } finally {
      await db.end();
    }
    await deleteUser(user.id);
  });

  test("one account hammered from ten IPs is locked; an unknown address gets the same answers", async ({ page }) => {
    // 22 sign-ins, each failure answering after the 600 ms floor: slow by design.
    test.slow();
    const user = await createConfirmedUser();
    const stranger = uniqueEmail("nobody");
    for (const [index, email] of [user.email, stranger].entries()) {
      for (let attempt = 0; attempt < 10; attempt += 1) {
        await signInFrom(page, `203.0.113.${index * 20 + attempt + 1}`, email, `wrong-password-${attempt}`);
        await expect(page.getByRole("main").getByRole("alert")).toHaveText(attempt < 9 ? MISMATCH : LOCKED);
      }
    }
    // The right password from yet another IP: still locked, so stuffing cannot go on elsewhere.
    await signInFrom(page, "192.0.2.200", user.email, user.password);
    await expect(page.getByRole("main").getByRole("alert")).toHaveText(LOCKED);
    await signInFrom(page, "192.0.2.201", stranger, user.password);
    await expect(page.getByRole("main").getByRole("alert")).toHaveText(LOCKED);
    await expect(page).toHaveURL(/\/login$/);
    await deleteUser(user.id);
  });
});
