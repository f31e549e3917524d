/**
 * Sign-in methods this project leaves switched off answer as a hosted project with them disabled
 * does — the error a client shows — not as unknown routes or grants: ID-token sign-in with an OAuth
 * provider, Web3 wallets, SAML SSO, and manual identity linking.
 */
import { describe, expect, it } from "vitest";
import { anonClient, confirmedUser, PASSWORD } from "./auth-support";

describe("switched-off sign-in methods", () => {
  it("ID token from a provider that is not enabled: 400 provider_disabled, no session", async () => {
    const { data, error } = await anonClient().auth.signInWithIdToken({ provider: "google", token: "x.y.z" });
    expect(data.session).toBeNull();
    expect(error?.status).toBe(400);
    expect(error?.code).toBe("provider_disabled");
    expect(error?.message).toBe('Provider (issuer "https://accounts.google.com") is not enabled');
  });

  it("ID token from a provider name nobody configured: 400 validation_failed", async () => {
    const { error } = await anonClient().auth.signInWithIdToken({ provider: "my-idp", token: "x.y.z" });
    expect(error?.status).toBe(400);
    expect(error?.message).toBe('Custom OIDC provider "my-idp" not allowed');
  });

  it("Web3 wallet sign-in: 422 web3_provider_disabled", async () => {
    const res = await fetch(`${process.env.SUPABASE_URL}/auth/v1/token?grant_type=web3`, {
      method: "POST",
      headers: {
        apikey: process.env.SUPABASE_ANON_KEY ?? "",
        "Content-Type": "application/json",
        "X-Supabase-Api-Version": "2024-01-01",
      },
      body: JSON.stringify({ chain: "solana", message: "m", signature: "s" }),
    });
    expect(res.status).toBe(422);
    expect(await res.json()).toEqual({ code: "web3_provider_disabled", message: "Web3 provider is disabled" });
  });

  it("SAML SSO: 404 saml_provider_disabled", async () => {
    const { data, error } = await anonClient().auth.signInWithSSO({ domain: "example.com" });
    expect(data).toBeNull();
    expect(error?.status).toBe(404);
    expect(error?.code).toBe("saml_provider_disabled");
    expect(error?.message).toBe("SAML 2.0 is disabled");
  });

  it("linking and unlinking identities while signed in: 404 manual_linking_disabled", async () => {
    const { email } = await confirmedUser("linking");
    const client = anonClient({ pkce: true });
    await client.auth.signInWithPassword({ email, password: PASSWORD });
    const link = await client.auth.linkIdentity({ provider: "github", options: { skipBrowserRedirect: true } });
    expect(link.error?.code).toBe("manual_linking_disabled");
    const { data } = await client.auth.getUserIdentities();
    const identity = data?.identities[0];
    if (!identity) throw new Error("the user has no identity");
    const unlink = await client.auth.unlinkIdentity(identity);
    expect(unlink.error?.status).toBe(404);
    expect(unlink.error?.message).toBe("Manual linking is disabled");
  });
});
