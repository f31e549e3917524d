/**
 * PKCE mail links as the app uses them for sign-in (signInWithOtp from a PKCE client): the code typed
 * instead of the link, the link's code in a client without the verifier, and GoTrue's flow-state
 * clock — a magic link's five minutes run from the click, a reset link's from the request.
 */
import { describe, expect, it } from "vitest";
import { anonClient, clickLink, confirmedUser, lastMailTo, otpOf, paramsOf, verifyLink, withDb } from "./auth-support";

async function backdateFlows(email: string, minutes: number): Promise<void> {
  await withDb((db) =>
    db.query(
      `update auth.flow_state set created_at = now() - make_interval(mins => $2)
        where user_id = (select id from auth.users where email = $1)`,
      [email, minutes],
    ),
  );
}

describe("PKCE sign-in links", () => {
  it("the mailed code of a PKCE magic link signs in with verifyOtp type email", async () => {
    const { email } = await confirmedUser("pkce-code");
    const client = anonClient({ pkce: true });
    expect((await client.auth.signInWithOtp({ email, options: { shouldCreateUser: false } })).error).toBeNull();
    const { data, error } = await client.auth.verifyOtp({
      email,
      token: otpOf(await lastMailTo(email)),
      type: "email",
    });
    expect(error).toBeNull();
    expect(data.session?.user.email).toBe(email);
  });

  it("the link's code is worthless to a client without the verifier", async () => {
    const { email } = await confirmedUser("pkce-other");
    await anonClient({ pkce: true }).auth.signInWithOtp({
      email,
      options: { emailRedirectTo: "http://localhost:3000/in" },
    });
    const { location } = await clickLink(verifyLink(await lastMailTo(email)));
    const code = paramsOf(location, "search").get("code") ?? "";
    expect(code).not.toBe("");
    const { data, error } = await anonClient({ pkce: true }).auth.exchangeCodeForSession(code);
    expect(data.session).toBeNull();
    expect(error?.name).toBe("AuthPKCECodeVerifierMissingError");
  });

  it("a magic link requested ten minutes ago and clicked now still signs in (flow counted from the click)", async () => {
    const { email } = await confirmedUser("pkce-late");
    const client = anonClient({ pkce: true });
    await client.auth.signInWithOtp({ email, options: { emailRedirectTo: "http://localhost:3000/in" } });
    await backdateFlows(email, 10);
    const { location } = await clickLink(verifyLink(await lastMailTo(email)));
    const { error } = await client.auth.exchangeCodeForSession(paramsOf(location, "search").get("code") ?? "");
    expect(error).toBeNull();
  });

  it("a reset link's flow counts from the request: ten minutes later the code has expired", async () => {
    const { email } = await confirmedUser("pkce-recovery-late");
    const client = anonClient({ pkce: true });
    await client.auth.resetPasswordForEmail(email, { redirectTo: "http://localhost:3000/reset" });
    await backdateFlows(email, 10);
    const { location } = await clickLink(verifyLink(await lastMailTo(email)));
    const { error } = await client.auth.exchangeCodeForSession(paramsOf(location, "search").get("code") ?? "");
    expect(error?.status).toBe(422);
    expect(error?.code).toBe("flow_state_expired");
  });
});
