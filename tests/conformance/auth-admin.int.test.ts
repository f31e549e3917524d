/**
 * The admin user API (service_role / sb_secret_ key): create, list with pagination headers, get,
 * update (metadata, ban), delete — and its refusal of anyone else (403 not_admin).
 */
import { describe, expect, it } from "vitest";
import { adminClient, anonClient, env, PASSWORD, rawAuth, uniqueEmail, withDb } from "./auth-support";

describe("admin.createUser", () => {
  it("with email_confirm creates a confirmed user who can sign in; metadata as given", async () => {
    const email = uniqueEmail("admin-ok");
    const { data, error } = await adminClient().auth.admin.createUser({
      email,
      password: PASSWORD,
      email_confirm: true,
      user_metadata: { plan: "pro" },
      app_metadata: { tier: 2 },
    });
    expect(error).toBeNull();
    expect(data.user?.email_confirmed_at).toBeDefined();
    expect(data.user?.user_metadata).toEqual({ plan: "pro", email_verified: true });
    expect(data.user?.app_metadata).toEqual({ provider: "email", providers: ["email"], tier: 2 });
    expect(data.user?.identities).toHaveLength(1);
    expect((await anonClient().auth.signInWithPassword({ email, password: PASSWORD })).error).toBeNull();
  });

  it("without email_confirm leaves the user unconfirmed and sends no mail", async () => {
    const email = uniqueEmail("admin-unconfirmed");
    const { data } = await adminClient().auth.admin.createUser({ email, password: PASSWORD });
    expect(data.user?.email_confirmed_at).toBeUndefined();
    expect((await anonClient().auth.signInWithPassword({ email, password: PASSWORD })).error?.code).toBe(
      "email_not_confirmed",
    );
    const res = await fetch(`${env.inbucketUrl}/api/v1/search?query=${encodeURIComponent(`to:${email}`)}`);
    expect(((await res.json()) as { messages: unknown[] }).messages).toEqual([]);
  });

  it("refuses a taken address with 422 email_exists", async () => {
    const email = uniqueEmail("admin-dupe");
    await adminClient().auth.admin.createUser({ email, password: PASSWORD });
    const { error } = await adminClient().auth.admin.createUser({ email, password: PASSWORD });
    expect(error?.status).toBe(422);
    expect(error?.code).toBe("email_exists");
    expect(error?.message).toBe("A user with this email address has already been registered");
  });

  it("imports a bcrypt password_hash; a malformed hash is a 400", async () => {
    const email = uniqueEmail("hash-import");
    const hash = await withDb(
      async (db) =>
        (await db.query<{ h: string }>(`select extensions.crypt('imported-pass-5', extensions.gen_salt('bf')) as h`))
          .rows[0]?.h,
    );
    const { error } = await adminClient().auth.admin.createUser({ email, password_hash: hash, email_confirm: true });
    expect(error).toBeNull();
    expect((await anonClient().auth.signInWithPassword({ email, password: "imported-pass-5" })).error).toBeNull();
    const bad = await adminClient().auth.admin.createUser({
      email: uniqueEmail("bad-hash"),
      password_hash: "not-a-hash",
    });
    expect(bad.error?.status).toBe(400);
    expect(bad.error?.code).toBe("validation_failed");
  });

  it("works with the sb_secret_ key too", async () => {
    const { error } = await adminClient({ key: env.secretKey }).auth.admin.createUser({
      email: uniqueEmail("secret"),
      password: PASSWORD,
    });
    expect(error).toBeNull();
  });
});

describe("admin.listUsers", () => {
  it("pages newest first with X-Total-Count and Link headers", async () => {
    const admin = adminClient();
    for (let i = 0; i < 3; i += 1)
      await admin.auth.admin.createUser({ email: uniqueEmail(`list${i}`), password: PASSWORD });
    const { data, error } = await admin.auth.admin.listUsers({ page: 1, perPage: 2 });
    expect(error).toBeNull();
    expect(data.users).toHaveLength(2);
    const total = (data as { total?: number }).total ?? 0;
    expect(total).toBeGreaterThanOrEqual(3);
    expect((data as { nextPage?: number | null }).nextPage).toBe(2);
    // auth-js reads only the first digit of each Link page number, so lastPage is checked on the raw header below.
    const [newest, older] = data.users;
    expect(Date.parse(newest?.created_at ?? "") >= Date.parse(older?.created_at ?? "")).toBe(true);

    const res = await rawAuth("/admin/users?page=1&per_page=2", {
      headers: { Authorization: `Bearer ${env.serviceRoleKey}` },
    });
    expect(res.headers.get("x-total-count")).toBe(String(total));
    expect(res.headers.get("link")).toBe(
      `</admin/users?page=2&per_page=2>; rel="next", </admin/users?page=${Math.ceil(total / 2)}&per_page=2>; rel="last"`,
    );
    expect(((await res.json()) as { aud: string }).aud).toBe("authenticated");
  });
});

describe("admin get / update / delete", () => {
  it("gets, updates (merge, ban, unban) and deletes a user", async () => {
    const admin = adminClient();
    const email = uniqueEmail("lifecycle");
    const { data: created } = await admin.auth.admin.createUser({
      email,
      password: PASSWORD,
      email_confirm: true,
      user_metadata: { a: 1 },
    });
    const id = created.user?.id ?? "";

    const got = await admin.auth.admin.getUserById(id);
    expect(got.data.user?.email).toBe(email);

    const updated = await admin.auth.admin.updateUserById(id, { user_metadata: { b: 2 }, ban_duration: "24h" });
    expect(updated.error).toBeNull();
    expect(updated.data.user?.user_metadata).toMatchObject({ a: 1, b: 2 });
    expect(updated.data.user?.banned_until).toBeDefined();
    const banned = await anonClient().auth.signInWithPassword({ email, password: PASSWORD });
    expect(banned.error?.code).toBe("user_banned");

    await admin.auth.admin.updateUserById(id, { ban_duration: "none" });
    expect((await anonClient().auth.signInWithPassword({ email, password: PASSWORD })).error).toBeNull();

    const deleted = await admin.auth.admin.deleteUser(id);
    expect(deleted.error).toBeNull();
    const rows = await withDb(
      async (db) => (await db.query(`select 1 from auth.identities where user_id = $1`, [id])).rowCount,
    );
    expect(rows).toBe(0);
    const missing = await admin.auth.admin.getUserById(id);
    expect(missing.error?.status).toBe(404);
    expect(missing.error?.code).toBe("user_not_found");
  });

  it("updates email and password immediately", async () => {
    const admin = adminClient();
    const { data } = await admin.auth.admin.createUser({
      email: uniqueEmail("move"),
      password: PASSWORD,
      email_confirm: true,
    });
    const next = uniqueEmail("moved");
    const { error } = await admin.auth.admin.updateUserById(data.user?.id ?? "", {
      email: next,
      password: "admin-set-pass-4",
    });
    expect(error).toBeNull();
    expect(
      (await anonClient().auth.signInWithPassword({ email: next, password: "admin-set-pass-4" })).error,
    ).toBeNull();
  });
});

describe("admin routes refuse non-admins", () => {
  it.each([
    ["anon key", () => env.anonKey],
    ["publishable key", () => env.publishableKey],
  ])("with the %s: 403 not_admin", async (_name, key) => {
    const { error } = await adminClient({ key: key() }).auth.admin.listUsers();
    expect(error?.status).toBe(403);
    expect(error?.code).toBe("not_admin");
    expect(error?.message).toBe("User not allowed");
  });

  it("with a user's access token: 403 not_admin", async () => {
    const email = uniqueEmail("notadmin");
    await adminClient().auth.admin.createUser({ email, password: PASSWORD, email_confirm: true });
    const { data } = await anonClient().auth.signInWithPassword({ email, password: PASSWORD });
    const res = await rawAuth("/admin/users", { headers: { Authorization: `Bearer ${data.session?.access_token}` } });
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({ code: "not_admin", message: "User not allowed" });
  });
});

describe("admin.generateLink (no mail sent)", () => {
  it("recovery: the action link signs the user in like the mailed one", async () => {
    const admin = adminClient();
    const email = uniqueEmail("gen-recovery");
    await admin.auth.admin.createUser({ email, password: PASSWORD, email_confirm: true });
    const { data, error } = await admin.auth.admin.generateLink({
      type: "recovery",
      email,
      options: { redirectTo: "http://localhost:3000/reset" },
    });
    expect(error).toBeNull();
    expect(data.user?.email).toBe(email);
    expect(data.properties?.verification_type).toBe("recovery");
    expect(data.properties?.email_otp).toMatch(/^\d{6}$/);
    expect(data.properties?.redirect_to).toBe("http://localhost:3000/reset");
    const res = await fetch(data.properties?.action_link ?? "", { redirect: "manual" });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toMatch(/^http:\/\/localhost:3000\/reset#access_token=/);
  });

  it("signup creates an unconfirmed user whose hashed_token confirms it", async () => {
    const admin = adminClient();
    const email = uniqueEmail("gen-signup");
    const { data, error } = await admin.auth.admin.generateLink({
      type: "signup",
      email,
      password: PASSWORD,
      options: { data: { src: "link" } },
    });
    expect(error).toBeNull();
    expect(data.user?.email_confirmed_at).toBeUndefined();
    expect(data.user?.user_metadata).toEqual({ src: "link" });
    const verified = await anonClient().auth.verifyOtp({
      type: "signup",
      token_hash: data.properties?.hashed_token ?? "",
    });
    expect(verified.error).toBeNull();
    expect(verified.data.user?.email_confirmed_at).toBeDefined();
    const mails = await fetch(`${env.inbucketUrl}/api/v1/search?query=${encodeURIComponent(`to:${email}`)}`);
    expect(((await mails.json()) as { messages: unknown[] }).messages).toEqual([]);
  });

  it("magiclink for an unknown address becomes a signup link; recovery for one is 404", async () => {
    const admin = adminClient();
    const magic = await admin.auth.admin.generateLink({ type: "magiclink", email: uniqueEmail("gen-magic") });
    expect(magic.error).toBeNull();
    expect(magic.data.properties?.verification_type).toBe("signup");
    const recovery = await admin.auth.admin.generateLink({ type: "recovery", email: uniqueEmail("gen-missing") });
    expect(recovery.error?.status).toBe(404);
    expect(recovery.error?.code).toBe("user_not_found");
    expect(recovery.error?.message).toBe("User with this email not found");
  });
});
