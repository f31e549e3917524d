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

  it("exits 1 for an unknown address and 2 without one", async () => {
    const unknown = await runScript("admin-grant.ts", [`nobody@${domain}`]);
    expect(unknown.code).toBe(1);
    expect(unknown.stdout).toContain("no user with this email address");
    const missing = await runScript("admin-revoke.ts");
    expect(missing.code).toBe(2);
  }, 60_000);
});
