/**
 * Signing in without the form, for specs whose subject is what comes after sign-in: a password grant
 * through the unmodified supabase-js, then the @supabase/ssr session cookie the app itself would have
 * set (same name, encoding and chunking; HttpOnly, Lax, as `lib/supabase/auth-cookies.ts` writes it).
 * The server then treats the browser exactly as after the form. Specs about signing in itself, and the
 * journeys a person lives end to end, go through /login as a person does: `signInThroughUi`
 * (users.ts) or `signIn` (wizard-steps.ts).
 */
import { expect, test, type Page } from "@playwright/test";
import { createClient } from "@supabase/supabase-js";
import { sessionCookies } from "../../bench/lib/session-cookie";

function supabaseEnv(): { url: string; anonKey: string } {
  const url = process.env.SUPABASE_URL ?? process.env.NEXT_PUBLIC_SUPABASE_URL;
  const anonKey = process.env.SUPABASE_ANON_KEY ?? process.env.NEXT_PUBLIC_SUPABASE_ANON_KEY;
  if (!url || !anonKey) throw new Error("SUPABASE_URL / SUPABASE_ANON_KEY are not set: run through with-test-stack");
  return { url, anonKey };
}

/** Puts a fresh session for `user` into the page's browser context and opens `next`. */
export async function signInWithSession(page: Page, user: { email: string; password: string }, next: string) {
  const { url, anonKey } = supabaseEnv();
  const client = createClient(url, anonKey, { auth: { persistSession: false, autoRefreshToken: false } });
  const { data, error } = await client.auth.signInWithPassword({ email: user.email, password: user.password });
  if (error || !data.session) throw new Error(`sign in ${user.email}: ${error?.message ?? "no session"}`);
  const origin = test.info().project.use.baseURL;
  if (!origin) throw new Error("the Playwright project has no baseURL");
  await page.context().addCookies(
    sessionCookies(url, data.session).map((cookie) => ({
      ...cookie,
      url: origin,
      httpOnly: true,
      sameSite: "Lax" as const,
    })),
  );
  await page.goto(next);
  await expect(page).not.toHaveURL(/\/login/);
}
