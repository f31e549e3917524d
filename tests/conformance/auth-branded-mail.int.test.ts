/**
 * The project's branded mails (supabase/templates/*.html through config.toml's
 * [auth.email.template.*]) as the local Auth sends them: GoTrue's variables filled in, the link
 * working, and no code in mails the app has nowhere to type it. Runs an in-process Auth with
 * config.toml as it is (the shared test stack resets templates to GoTrue's defaults for the suites
 * that read those).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { anonClient, PASSWORD, uniqueEmail } from "./auth-support";
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
    const { error } = await anonClient({ url: local.url }).auth.signUp({
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
    // The link goes straight to the app's /auth/confirm with the token hash (works in any browser).
    const link = /href="([^"]+)"/.exec(mail?.html ?? "")?.[1]?.replace(/&amp;/g, "&") ?? "";
    expect(mail?.text).toContain(link);
    const url = new URL(link);
    expect(`${url.origin}${url.pathname}`).toBe("http://localhost:3000/auth/confirm");
    expect(url.searchParams.get("next")).toBe("/onboarding");
    expect(url.searchParams.get("type")).toBe("email");
    const { data, error: verifyError } = await anonClient({ url: local.url }).auth.verifyOtp({
      type: "email",
      token_hash: url.searchParams.get("token_hash") ?? "",
    });
    expect(verifyError).toBeNull();
    expect(data.user?.email).toBe(email);
    expect(data.user?.user_metadata.full_name).toBe("Ada <Lovelace>");
  });

  it("recovery: the branded reset mail", async () => {
    const email = uniqueEmail("branded-reset");
    await anonClient({ url: local.url }).auth.signUp({ email, password: PASSWORD });
    await anonClient({ url: local.url }).auth.resetPasswordForEmail(email);
    const mail = mailTo(email);
    expect(mail?.subject).toBe("Reset your Autoprofile password");
    expect(mail?.html).toContain("&amp;type=recovery");
    expect(mail?.text).not.toMatch(/\b\d{6}\b/);
  });
});
