/**
 * Test users for e2e specs: unique addresses per run, users created confirmed through the Auth admin
 * API (service role), profile rows read back for assertions, and signing in through the real form.
 * Shared by the auth and onboarding specs.
 */
import { randomUUID } from "node:crypto";
import { expect, type Page } from "@playwright/test";
import { createClient, type SupabaseClient } from "@supabase/supabase-js";

export const TEST_PASSWORD = "correct-horse-battery-9";

export interface TestUser {
  id: string;
  email: string;
  password: string;
}

function env(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: export your stack's env (npm run supabase:status -- -o env)`);
  return value;
}

let admin: SupabaseClient | undefined;
/** A service-role client for test setup and assertions (bypasses RLS). */
export function adminClient(): SupabaseClient {
  admin ??= createClient(
    process.env.SUPABASE_URL ?? env("NEXT_PUBLIC_SUPABASE_URL"),
    env("SUPABASE_SERVICE_ROLE_KEY"),
    {
      auth: { autoRefreshToken: false, persistSession: false },
    },
  );
  return admin;
}

/** A fresh address per call so tests never share accounts. */
export function uniqueEmail(label = "user"): string {
  return `e2e-${label}-${randomUUID().slice(0, 8)}@example.com`;
}

/** A confirmed user with a password, ready to sign in. */
export async function createConfirmedUser(options: { email?: string; password?: string } = {}): Promise<TestUser> {
  const email = options.email ?? uniqueEmail();
  const password = options.password ?? TEST_PASSWORD;
  const { data, error } = await adminClient().auth.admin.createUser({ email, password, email_confirm: true });
  if (error || !data.user) throw new Error(`createUser ${email}: ${error?.message ?? "no user"}`);
  return { id: data.user.id, email, password };
}

export async function findUserIdByEmail(email: string): Promise<string | null> {
  for (let page = 1; page < 50; page += 1) {
    const { data, error } = await adminClient().auth.admin.listUsers({ page, perPage: 200 });
    if (error) throw new Error(`listUsers: ${error.message}`);
    const match = data.users.find((user) => user.email === email.toLowerCase());
    if (match) return match.id;
    if (data.users.length < 200) return null;
  }
  return null;
}

export async function deleteUser(id: string): Promise<void> {
  await adminClient().auth.admin.deleteUser(id);
}

/** The user's `public.user_profiles` row, or null. */
export async function profileRow(userId: string): Promise<Record<string, unknown> | null> {
  const { data, error } = await adminClient().from("user_profiles").select("*").eq("user_id", userId).maybeSingle();
  if (error) throw new Error(`user_profiles: ${error.message}`);
  return data as Record<string, unknown> | null;
}

/** Signs in through the real /login form and waits to leave it. */
export async function signInThroughUi(page: Page, user: { email: string; password: string }, next?: string) {
  await page.goto(next ? `/login?next=${encodeURIComponent(next)}` : "/login");
  await page.getByLabel("Email", { exact: true }).fill(user.email);
  await page.getByLabel("Password", { exact: true }).fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/login/);
}
