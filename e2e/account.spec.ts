import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { createClient } from "@supabase/supabase-js";
import { expectNoAxeViolations } from "./support/axe";
import { mailIds, primaryLink, waitForMail } from "./support/inbox";
import { adminClient, createConfirmedUser, deleteUser, profileRow, uniqueEmail, type TestUser } from "./support/users";
import { signInWithSession } from "./support/sign-in";

async function openAccount(page: Page, user: TestUser) {
  await signInWithSession(page, user, "/account");
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole("heading", { level: 1, name: "Account" })).toBeVisible();
}

const section = (page: Page, name: string) => page.getByRole("region", { name });

test.describe("account page", () => {
  test("download my data: the JSON holds the account, profile, completion and history — no secrets", async ({
    page,
  }) => {
    const user = await createConfirmedUser();
    await adminClient().from("user_profiles").update({ years_of_experience: 6 }).eq("user_id", user.id);
    await openAccount(page, user);

    const downloading = page.waitForEvent("download");
    await page.getByRole("link", { name: "Download my data" }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^autoprofile-data-\d{4}-\d{2}-\d{2}\.json$/);
    const text = await readFile((await download.path())!, "utf8");
    const data = JSON.parse(text);
    expect(data.format).toBe("autoprofile-account-export");
    expect(data.account).toMatchObject({ id: user.id, email: user.email });
    expect(data.profile).toMatchObject({ user_id: user.id, years_of_experience: 6, experience_level: "entry" });
    expect(data.completion).toMatchObject({ isComplete: false, completionPercentage: 0 });
    expect(data.history).toEqual([
      expect.objectContaining({ field: "years_of_experience", old_value: 0, new_value: 6, changed_by_me: false }),
    ]);
    expect(text).not.toMatch(/encrypted_password|refresh_token|access_token|"password"/);
    await deleteUser(user.id);
  });

  test("delete account: wrong password keeps everything; the right one removes it all and signs out", async ({
    page,
  }) => {
    const user = await createConfirmedUser();
    await adminClient().from("user_profiles").update({ years_of_experience: 3 }).eq("user_id", user.id);
    await openAccount(page, user);
    const danger = section(page, "Delete account");

    await danger.getByLabel("Your password").fill("not-my-password-1");
    await danger.getByLabel("Type DELETE to confirm").fill("DELETE");
    await danger.getByRole("button", { name: "Delete my account" }).click();
    await expect(danger.getByText("That is not your current password.")).toBeVisible();
    expect(await profileRow(user.id)).not.toBeNull();

    await danger.getByLabel("Your password").fill(user.password);
    await danger.getByRole("button", { name: "Delete my account" }).click();
    await expect(page).toHaveURL(/\/account-deleted$/);
    await expect(page.getByRole("heading", { name: "Your account has been deleted" })).toBeVisible();

    expect(await profileRow(user.id)).toBeNull();
    const history = await adminClient().from("user_profile_history").select("id").eq("user_id", user.id);
    expect(history.data).toEqual([]);
    const { data } = await adminClient().auth.admin.getUserById(user.id);
    expect(data.user).toBeNull();

    await page.goto("/account");
    await expect(page).toHaveURL(/\/login/);
    await page.getByLabel("Email").fill(user.email);
    await page.getByLabel("Password", { exact: true }).fill(user.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByText("That email and password do not match")).toBeVisible();
  });

  test("change password needs the current one; afterwards only the new one signs in", async ({ page }) => {
    const user = await createConfirmedUser();
    await openAccount(page, user);
    const form = section(page, "Password");
    await form.getByLabel("Current password").fill("wrong-password-77");
    await form.getByLabel("New password", { exact: true }).fill("brand-new-secret-42");
    await form.getByLabel("Confirm new password").fill("brand-new-secret-42");
    await form.getByRole("button", { name: "Change password" }).click();
    await expect(form.getByText("That is not your current password.")).toBeVisible();

    await form.getByLabel("Current password").fill(user.password);
    await form.getByRole("button", { name: "Change password" }).click();
    await expect(form.getByText("Your password has been changed.")).toBeVisible();
    await expect(form.getByLabel("Current password")).toHaveValue("");

    // A client of its own: signing in on the shared admin client would replace its service-role key.
    const auth = createClient(
      process.env.SUPABASE_URL ?? process.env.NEXT_PUBLIC_SUPABASE_URL!,
      process.env.SUPABASE_ANON_KEY ?? process.env.NEXT_PUBLIC_SUPABASE_ANON_KEY!,
      {
        auth: { persistSession: false, autoRefreshToken: false },
      },
    ).auth;
    expect((await auth.signInWithPassword({ email: user.email, password: user.password })).error?.code).toBe(
      "invalid_credentials",
    );
    expect((await auth.signInWithPassword({ email: user.email, password: "brand-new-secret-42" })).error).toBeNull();
    await deleteUser(user.id);
  });

  test("change email: the first of two links says what is left, /account shows the change until both are opened", async ({
    page,
  }) => {
    const user = await createConfirmedUser();
    const newEmail = uniqueEmail("moved");
    await openAccount(page, user);
    const form = section(page, "Email address");
    const seenNew = await mailIds(newEmail);
    const seenOld = await mailIds(user.email);
    await form.getByLabel("New email").fill(newEmail);
    await form.getByRole("button", { name: "Send confirmation link" }).click();
    await expect(
      form.getByText(`we sent a confirmation link to ${newEmail} and one to your current address`),
    ).toBeVisible();
    const toNew = await waitForMail(newEmail, {
      subject: "Confirm your new email address for Autoprofile",
      exclude: seenNew,
    });
    const toOld = await waitForMail(user.email, {
      subject: "Confirm your new email address for Autoprofile",
      exclude: seenOld,
    });

    // First click: the link in the current mailbox.
    await page.goto(primaryLink(toOld));
    await expect(page).toHaveURL(/\/email-change\?step=one(#|$)/);
    await expect(page.getByRole("heading", { name: "One of two confirmed" })).toBeVisible();
    await expect(page.getByText("Now open the link we sent to the other address.")).toBeVisible();
    await expect(page.getByText(newEmail).first()).toBeVisible();
    await page.getByRole("link", { name: "Back to your account" }).click();
    await expect(section(page, "Email address").getByText(`Changing to ${newEmail}`)).toBeVisible();
    expect((await adminClient().auth.admin.getUserById(user.id)).data.user?.email).toBe(user.email);

    // Second click: the link in the new mailbox completes the change.
    await page.goto(primaryLink(toNew));
    await expect(page).toHaveURL(/\/email-change\?step=done(#|$)/);
    await expect(page.getByRole("heading", { name: "Your email address is changed" })).toBeVisible();
    await expect(page.getByText(newEmail)).toBeVisible();
    expect((await adminClient().auth.admin.getUserById(user.id)).data.user?.email).toBe(newEmail);
    await page.getByRole("link", { name: "Back to your account" }).click();
    await expect(page.getByText(`Signed in as ${newEmail}`, { exact: true })).toBeVisible();
    await expect(section(page, "Email address").getByText("Changing to")).toHaveCount(0);
    await deleteUser(user.id);
  });

  test("change email: the new address's link first works the same way", async ({ page }) => {
    const user = await createConfirmedUser();
    const newEmail = uniqueEmail("moved2");
    await openAccount(page, user);
    const seenNew = await mailIds(newEmail);
    const seenOld = await mailIds(user.email);
    await section(page, "Email address").getByLabel("New email").fill(newEmail);
    await section(page, "Email address").getByRole("button", { name: "Send confirmation link" }).click();
    const toNew = await waitForMail(newEmail, {
      subject: "Confirm your new email address for Autoprofile",
      exclude: seenNew,
    });
    const toOld = await waitForMail(user.email, {
      subject: "Confirm your new email address for Autoprofile",
      exclude: seenOld,
    });
    await page.goto(primaryLink(toNew));
    await expect(page.getByRole("heading", { name: "One of two confirmed" })).toBeVisible();
    await page.goto(primaryLink(toOld));
    await expect(page.getByRole("heading", { name: "Your email address is changed" })).toBeVisible();
    expect((await adminClient().auth.admin.getUserById(user.id)).data.user?.email).toBe(newEmail);
    await deleteUser(user.id);
  });

  test("has no axe violations", async ({ page }) => {
    const user = await createConfirmedUser();
    await openAccount(page, user);
    await expectNoAxeViolations(page);
    await deleteUser(user.id);
  });
});
