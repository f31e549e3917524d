/**
 * The project's branded mails (supabase/templates/*.html through config.toml's
 * [auth.email.template.*]) as the local Auth sends them: GoTrue's variables filled in, every link
 * Auth's /verify link (PKCE: the redirect carries a code only the asking browser can use), and no
 * code in mails the app has nowhere to type it. Runs an in-process Auth with config.toml as it is.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { anonClient, clickLink, confirmedUser, paramsOf, PASSWORD, uniqueEmail } from "./auth-support";
import { startLocalAuth, type LocalAuth } from "./auth-local-instance";

describe("branded auth mails", () => {
  let local: LocalAuth;
  beforeAll(async () => {
    local = await startLocalAuth(`[auth.rate_limit]\nsign_in_sign_ups = 100000\n[auth.email]\nmax_frequency = "0s"\n`);
  });
  afterAll(async () => local.close());

  const mailTo = (email: string) => local.mails.filter((mail) => mail.to === email).at(-1);

  it("sign-up: the branded confirmation with a working link and no code", async () => {
    const email = uniqueEmail("branded");
    const client = anonClient({ url: local.url, pkce: true });
    const { error } = await client.auth.signUp({
      email,
      password: PASSWORD,
      options: {
        data: { full_name: "Ada <Lovelace>" },
        emailRedirectTo: "http://localhost:3000/auth/confirm?next=%2Fonboarding",
      },
    });
    expect(error).toBeNull();
    const mail = mailTo(email);
    expect(mail?.subject).toBe("Confirm your email for Autoprofile");
    expect(mail?.html).toContain("Autoprofile");
    expect(mail?.html).toContain(`<strong>${email}</strong>`);
    expect(mail?.html).not.toMatch(/\{\{|\}\}/);
    // No six-digit code: the app confirms sign-ups by link only.
    expect(mail?.text).not.toMatch(/\b\d{6}\b/);
    // The link is Auth's /verify (ConfirmationURL), redirecting to the app's /auth/confirm with a code.
    const link = /href="([^"]+)"/.exec(mail?.html ?? "")?.[1]?.replace(/&amp;/g, "&") ?? "";
    expect(mail?.text).toContain(link);
    const url = new URL(link);
    expect(url.pathname.endsWith("/verify")).toBe(true);
    expect(url.searchParams.get("type")).toBe("signup");
    const { status, location } = await clickLink(link);
    expect(status).toBe(303);
    const target = new URL(location);
    expect(`${target.origin}${target.pathname}`).toBe("http://localhost:3000/auth/confirm");
    expect(target.searchParams.get("next")).toBe("/onboarding");
    const { data, error: exchangeError } = await client.auth.exchangeCodeForSession(
      paramsOf(location, "search").get("code") ?? "",
    );
    expect(exchangeError).toBeNull();
    expect(data.user?.email).toBe(email);
    expect(data.user?.user_metadata.full_name).toBe("Ada <Lovelace>");
  });

  it("recovery: the branded reset mail", async () => {
    const email = uniqueEmail("branded-reset");
    await anonClient({ url: local.url }).auth.signUp({ email, password: PASSWORD });
    await anonClient({ url: local.url }).auth.resetPasswordForEmail(email);
    const mail = mailTo(email);
    expect(mail?.subject).toBe("Reset your Autoprofile password");
    expect(mail?.html).toContain("/verify?token=");
    expect(mail?.html).toContain("&amp;type=recovery");
    expect(mail?.text).not.toMatch(/\b\d{6}\b/);
  });

  it("sign-in link: the branded mail with the link and the code /login/code takes", async () => {
    const { email } = await confirmedUser("branded-magic");
    await anonClient({ url: local.url, pkce: true }).auth.signInWithOtp({
      email,
      options: { shouldCreateUser: false },
    });
    const mail = mailTo(email);
    expect(mail?.subject).toBe("Your Autoprofile sign-in link");
    expect(mail?.html).toContain("&amp;type=magiclink");
    expect(mail?.text).toMatch(/type this code on the sign-in page:\s+\d{6}\b/);
  });
});
