/**
 * Passwordless sign-in by email (signInWithOtp → POST /otp): magic links for confirmed users (implicit
 * and PKCE), sign-up of unknown addresses, `shouldCreateUser: false`, and the mailed code.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  anonClient,
  clickLink,
  confirmedUser,
  decodeClaims,
  lastMailTo,
  otpOf,
  paramsOf,
  uniqueEmail,
  userCount,
  verifyLink,
} from "./auth-support";
import { DEFAULT_CONFIRMATION_MAIL, lastLocalMailTo, startLocalAuth, type LocalAuth } from "./auth-local-instance";

describe("signInWithOtp", () => {
  it("mails a confirmed user a magic link that signs in (implicit flow)", async () => {
    const { email, id } = await confirmedUser("magic");
    const { error } = await anonClient().auth.signInWithOtp({
      email,
      options: { emailRedirectTo: "http://localhost:3000/in" },
    });
    expect(error).toBeNull();
    const mail = await lastMailTo(email);
    expect(mail.Subject).toBe("Your Autoprofile sign-in link");
    const link = verifyLink(mail);
    expect(link).toContain("type=magiclink");
    const { status, location } = await clickLink(link);
    expect(status).toBe(303);
    const fragment = paramsOf(location, "hash");
    expect(fragment.get("type")).toBe("magiclink");
    expect(decodeClaims(fragment.get("access_token") ?? "").sub).toBe(id);
  });

  it("PKCE: the magic link redirects with a code worth a session (amr magiclink)", async () => {
    const { email } = await confirmedUser("magic-pkce");
    const client = anonClient({ pkce: true });
    await client.auth.signInWithOtp({ email, options: { emailRedirectTo: "http://localhost:3000/in" } });
    const { location } = await clickLink(verifyLink(await lastMailTo(email)));
    const code = paramsOf(location, "search").get("code") ?? "";
    const { data, error } = await client.auth.exchangeCodeForSession(code);
    expect(error).toBeNull();
    expect((decodeClaims(data.session?.access_token ?? "").amr as Array<{ method: string }>)[0]?.method).toBe(
      "magiclink",
    );
  });

  it("the mailed code signs in with verifyOtp type email", async () => {
    const { email } = await confirmedUser("magic-code");
    const client = anonClient();
    await client.auth.signInWithOtp({ email });
    const { data, error } = await client.auth.verifyOtp({
      email,
      token: otpOf(await lastMailTo(email)),
      type: "email",
    });
    expect(error).toBeNull();
    expect(data.session?.user.email).toBe(email);
  });

  it("signs an unknown address up (confirmation mail) unless shouldCreateUser is false", async () => {
    const refused = uniqueEmail("otp-refused");
    const { error } = await anonClient().auth.signInWithOtp({ email: refused, options: { shouldCreateUser: false } });
    expect(error?.status).toBe(422);
    expect(error?.code).toBe("otp_disabled");
    expect(error?.message).toBe("Signups not allowed for otp");
    expect(await userCount(refused)).toBe(0);

    const email = uniqueEmail("otp-new");
    expect((await anonClient().auth.signInWithOtp({ email, options: { data: { via: "otp" } } })).error).toBeNull();
    expect(await userCount(email)).toBe(1);
    expect((await lastMailTo(email)).Subject).toBe("Confirm your email for Autoprofile");
  });
});

describe("signInWithOtp's sign-up code (GoTrue's default confirmation mail: the project's template carries no code)", () => {
  let local: LocalAuth;
  beforeAll(async () => {
    local = await startLocalAuth(DEFAULT_CONFIRMATION_MAIL);
  });
  afterAll(async () => local.close());

  it("the code in the confirmation mail of an unknown address confirms it, with the given data", async () => {
    const email = uniqueEmail("otp-new-code");
    const client = anonClient({ url: local.url });
    expect((await client.auth.signInWithOtp({ email, options: { data: { via: "otp" } } })).error).toBeNull();
    const { data } = await client.auth.verifyOtp({ email, token: otpOf(lastLocalMailTo(local, email)), type: "email" });
    expect(data.user?.user_metadata).toMatchObject({ via: "otp", email_verified: true });
  });
});
