import { createClient } from "@supabase/supabase-js";
import { afterAll, describe, expect, it } from "vitest";
import { adminClient, dbPool, deleteDomainUsers, runScript, testDomain } from "./support";

const pool = dbPool();
const domain = testDomain("role");
afterAll(async () => {
  await deleteDomainUsers(pool, domain);
  await pool.end();
});

describe("npm run admin:grant / admin:revoke", () => {
  it("sets and removes app_metadata.role = admin through the admin API", async () => {
    const email = `person@${domain}`;
    const admin = adminClient();
    const created = await admin.auth.admin.createUser({ email, password: "Grant-Test-123", email_confirm: true });
    const id = created.data.user!.id;

    const grant = await runScript("admin-grant.ts", [email.toUpperCase()]);
    expect(grant.code, grant.stdout).toBe(0);
    expect(grant.stdout).toContain(`PASS  ${email.toUpperCase()} is an admin`);
    expect((await admin.auth.admin.getUserById(id)).data.user?.app_metadata.role).toBe("admin");

    // The role reaches the JWT: a fresh sign-in carries it.
    const session = await admin.auth.signInWithPassword({ email, password: "Grant-Test-123" });
    const claims = JSON.parse(Buffer.from(session.data.session!.access_token.split(".")[1]!, "base64url").toString());
    expect(claims.app_metadata.role).toBe("admin");

    const revoke = await runScript("admin-revoke.ts", [email]);
    expect(revoke.code, revoke.stdout).toBe(0);
    const after = (await admin.auth.admin.getUserById(id)).data.user?.app_metadata;
    expect(after?.role).toBeUndefined();
    expect(after?.provider).toBe("email");
  }, 60_000);

  it("a revoked admin's old JWT is refused at once by the admin_* functions", async () => {
    const email = `revoked@${domain}`;
    const admin = adminClient();
    await admin.auth.admin.createUser({ email, password: "Grant-Test-123", email_confirm: true });
    expect((await runScript("admin-grant.ts", [email])).code).toBe(0);

    // A browser-like client: signs in once and keeps that access token (no refresh in between).
    const person = createClient(process.env.SUPABASE_URL!, process.env.SUPABASE_ANON_KEY!, {
      auth: { persistSession: false, autoRefreshToken: false },
    });
    const signedIn = await person.auth.signInWithPassword({ email, password: "Grant-Test-123" });
    expect(signedIn.error).toBeNull();
    const before = await person.rpc("admin_profile_totals");
    expect(before.error).toBeNull();
    expect(before.data).toHaveLength(1);

    expect((await runScript("admin-revoke.ts", [email])).code).toBe(0);
    const after = await person.rpc("admin_profile_totals");
    expect(after.data).toBeNull();
    expect(after.error?.code).toBe("42501");

    // Signing out ends it too, even for an admin whose JWT has not expired.
    expect((await runScript("admin-grant.ts", [email])).code).toBe(0);
    expect((await person.rpc("admin_profile_totals")).error).toBeNull();
    await person.auth.signOut({ scope: "local" });
    const token = signedIn.data.session!.access_token;
    const replay = createClient(process.env.SUPABASE_URL!, process.env.SUPABASE_ANON_KEY!, {
      accessToken: async () => token,
    });
    expect((await replay.rpc("admin_profile_totals")).error?.code).toBe("42501");
  }, 90_000);

  it("exits 1 for an unknown address and 2 without one", async () => {
    const unknown = await runScript("admin-grant.ts", [`nobody@${domain}`]);
    expect(unknown.code).toBe(1);
    expect(unknown.stdout).toContain("no user with this email address");
    const missing = await runScript("admin-revoke.ts");
    expect(missing.code).toBe(2);
  }, 60_000);
});
