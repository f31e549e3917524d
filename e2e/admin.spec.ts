import { expect, test, type Page } from "@playwright/test";
import { createClient } from "@supabase/supabase-js";
import { expectNoAxeViolations } from "./support/axe";
import { signInWithSession } from "./support/sign-in";
import { adminClient, createConfirmedUser, deleteUser, type TestUser } from "./support/users";

async function makeAdmin(): Promise<TestUser> {
  const user = await createConfirmedUser();
  const { error } = await adminClient().auth.admin.updateUserById(user.id, { app_metadata: { role: "admin" } });
  if (error) throw new Error(error.message);
  return user;
}

/** The numbers the database gives the service role right now. */
async function databaseTotals() {
  const { data, error } = await adminClient().rpc("admin_profile_totals");
  if (error) throw new Error(error.message);
  const row = (data as Record<string, number | string>[])[0]!;
  return {
    users: Number(row.total_users),
    profiles: Number(row.total_profiles),
    orphans: Number(row.orphan_users),
    complete: Number(row.completed_profiles),
  };
}

async function shownTotals(page: Page) {
  const value = async (id: string) =>
    Number((await page.getByTestId(`stat-${id}`).locator("dd").first().innerText()).replace(/,/g, ""));
  return {
    users: await value("users"),
    profiles: await value("profiles"),
    orphans: await value("orphans"),
    complete: await value("complete-profiles"),
  };
}

test.describe("admin dashboard", () => {
  test("a signed-in non-admin gets a 404, and the analytics refuse them too", async ({ page }) => {
    const user = await createConfirmedUser();
    await signInWithSession(page, user, "/onboarding");
    const response = await page.goto("/admin");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();

    // The data behind the page: the analytics functions check the role themselves.
    const client = createClient(
      process.env.SUPABASE_URL ?? process.env.NEXT_PUBLIC_SUPABASE_URL!,
      process.env.SUPABASE_ANON_KEY ?? process.env.NEXT_PUBLIC_SUPABASE_ANON_KEY!,
      { auth: { persistSession: false, autoRefreshToken: false } },
    );
    await client.auth.signInWithPassword({ email: user.email, password: user.password });
    const { data, error } = await client.rpc("admin_profile_totals");
    expect(data).toBeNull();
    expect(error?.code).toBe("42501");
    await deleteUser(user.id);
  });

  test("an admin sees the numbers the database holds for a seeded population", async ({ page }) => {
    const admin = await makeAdmin();
    // A population with known shapes: one complete profile, one half-way, one fresh.
    const seeded = await Promise.all([createConfirmedUser(), createConfirmedUser(), createConfirmedUser()]);
    const db = adminClient();
    await db
      .from("user_profiles")
      .update({
        years_of_experience: 4,
        experience_level: "mid",
        education_level: "masters",
        answered_fields: ["years_of_experience", "experience_level", "education_level"],
      })
      .eq("user_id", seeded[0]!.id);
    await db
      .from("user_profiles")
      .update({ years_of_experience: 1, answered_fields: ["years_of_experience"] })
      .eq("user_id", seeded[1]!.id);

    await signInWithSession(page, admin, "/admin");
    await expect(page.getByRole("heading", { level: 1, name: "Admin dashboard" })).toBeVisible();
    // Other tests sign people up concurrently: compare with the database until a quiet moment.
    await expect(async () => {
      await page.reload();
      const before = await databaseTotals();
      const shown = await shownTotals(page);
      const after = await databaseTotals();
      expect(before).toEqual(after);
      expect(shown).toEqual(before);
    }).toPass({ timeout: 30_000 });
    await expect(page.getByTestId("stat-orphans")).toContainText("every account has its profile");

    for (const region of [
      "Completion distribution",
      "Completions per day",
      "Answer rate per field",
      "Wizard funnel",
      "Recent sign-ups",
    ]) {
      await expect(page.getByRole("region", { name: region })).toBeVisible();
    }
    await expect(page.getByRole("img", { name: /Profiles by completion percentage/ })).toBeVisible();
    await expect(page.getByRole("row", { name: /Years of experience/ })).toBeVisible();
    const content = await page.content();
    for (const user of seeded) expect(content).not.toContain(user.email);

    // Plain words, and "Complete" only at 100 %: the seeded 60 % profile has its required answers.
    await expect(page.getByText("rows in user_profiles")).toHaveCount(0);
    await expect(page.getByText("Orphans")).toHaveCount(0);
    const rows = page.getByRole("region", { name: "Recent sign-ups" }).locator("tbody tr");
    await expect(rows.filter({ hasText: "60%" }).first()).toContainText("Required done");
    for (const row of await rows.all()) {
      const cells = await row.locator("td").allInnerTexts();
      expect(cells.at(-1) === "Complete", cells.join(" | ")).toBe(cells.at(-3) === "100%");
    }
    // Masks keep the last characters, so two example.com addresses no longer read alike.
    const masks = await rows.locator("td:first-of-type").allInnerTexts();
    expect(masks.filter((mask) => mask === "e***@example.com")).toEqual([]);

    await Promise.all([admin, ...seeded].map((user) => deleteUser(user.id)));
  });

  test("a revoked admin is refused at once, with the session they already have", async ({ page }) => {
    const admin = await makeAdmin();
    await signInWithSession(page, admin, "/admin");
    await expect(page.getByRole("heading", { level: 1, name: "Admin dashboard" })).toBeVisible();

    // npm run admin:revoke does exactly this; the browser keeps its (still valid) access token.
    const { error } = await adminClient().auth.admin.updateUserById(admin.id, { app_metadata: { role: null } });
    expect(error).toBeNull();
    const response = await page.goto("/admin");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    await deleteUser(admin.id);
  });

  test("has no axe violations", async ({ page }) => {
    const admin = await makeAdmin();
    await signInWithSession(page, admin, "/admin");
    await page.getByText("Show as table").first().click();
    await expectNoAxeViolations(page);
    await deleteUser(admin.id);
  });
});
