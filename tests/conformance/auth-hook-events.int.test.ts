/**
 * The hooks GoTrue calls around sign-up and sign-in, as a project sets them up (`pg-functions://`,
 * granted to supabase_auth_admin): `before_user_created` may refuse a sign-up (nothing is created),
 * `password_verification_attempt` and `mfa_verification_attempt` see each check and may reject it.
 * What a hook writes is kept when the request then fails, as on GoTrue, which runs each in its own
 * transaction: that is how a project counts failed attempts. Covered by a second Auth service with
 * the hooks on (local stack only).
 */
import { createClient, type SupabaseClient } from "@supabase/supabase-js";
import { Secret, TOTP } from "otpauth";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { adminClient, confirmedUser, memoryStorage, PASSWORD, uniqueEmail, userCount, withDb } from "./auth-support";
import { startLocalAuth, type LocalAuth } from "./auth-local-instance";

const HOOKS = {
  before_user_created: "public.auth_conformance_before_user_created",
  password_verification_attempt: "public.auth_conformance_password_attempt",
  mfa_verification_attempt: "public.auth_conformance_mfa_attempt",
} as const;
type HookName = keyof typeof HOOKS;

let local: LocalAuth;

/** Replaces a hook's body (plpgsql over `event`); each hook first records its event. */
async function hookBody(name: HookName, body: string): Promise<void> {
  await withDb(async (db) => {
    await db.query(
      `create or replace function ${HOOKS[name]}(event jsonb) returns jsonb language plpgsql as $$
       begin
         insert into public.auth_conformance_hook_attempts values ('${name}', event);
         ${body}
       end $$`,
    );
    await db.query(`revoke all on function ${HOOKS[name]}(jsonb) from public, anon, authenticated`);
    await db.query(`grant execute on function ${HOOKS[name]}(jsonb) to supabase_auth_admin`);
  });
}

async function events(name: HookName, where: string, value: string): Promise<Record<string, unknown>[]> {
  return withDb(async (db) => {
    const { rows } = await db.query<{ event: Record<string, unknown> }>(
      `select event from public.auth_conformance_hook_attempts where hook = $1 and ${where} = $2 order by at`,
      [name, value],
    );
    return rows.map((row) => row.event);
  });
}

async function sessions(userId: string): Promise<number> {
  return withDb(
    async (db) =>
      (await db.query<{ n: number }>(`select count(*)::int as n from auth.sessions where user_id = $1`, [userId]))
        .rows[0]?.n ?? 0,
  );
}

function client(): SupabaseClient {
  return createClient(local.url, process.env.SUPABASE_ANON_KEY ?? "", {
    auth: { persistSession: true, storage: memoryStorage(), autoRefreshToken: false, detectSessionInUrl: false },
  });
}

beforeAll(async () => {
  await withDb(async (db) => {
    await db.query(
      `create table if not exists public.auth_conformance_hook_attempts
         (hook text not null, event jsonb not null, at timestamptz not null default clock_timestamp())`,
    );
    await db.query(`grant usage on schema public to supabase_auth_admin`);
    await db.query(`grant select, insert on public.auth_conformance_hook_attempts to supabase_auth_admin`);
  });
  const overlay = (Object.entries(HOOKS) as [HookName, string][])
    .map(
      ([name, fn]) => `[auth.hook.${name}]\nenabled = true\nuri = "pg-functions://postgres/${fn.replace(".", "/")}"\n`,
    )
    .join("");
  local = await startLocalAuth(`[auth]\nenable_anonymous_sign_ins = true\n${overlay}`);
});
// Each test sets the hooks it needs; the others let everything through.
beforeEach(async () => {
  for (const name of Object.keys(HOOKS) as HookName[]) await hookBody(name, `return '{}'::jsonb;`);
});
afterAll(async () => {
  await local?.close();
  await withDb(async (db) => {
    for (const fn of Object.values(HOOKS)) await db.query(`drop function if exists ${fn}(jsonb)`);
    await db.query(`drop table if exists public.auth_conformance_hook_attempts`);
  });
});

describe("before_user_created", () => {
  const refuseBlockedDomain = `
    if event->'user'->>'email' like '%@blocked.example' then
      return jsonb_build_object('error', jsonb_build_object('http_code', 400, 'message', 'Sign-ups from this domain are not allowed'));
    end if;
    return '{}'::jsonb;`;

  it("sees the user GoTrue is about to create, with the id it then gets", async () => {
    await hookBody("before_user_created", refuseBlockedDomain);
    const email = uniqueEmail("hook-created");
    const { data, error } = await client().auth.signUp({
      email,
      password: PASSWORD,
      options: { data: { plan: "pro" } },
    });
    expect(error).toBeNull();
    const [event] = await events("before_user_created", "event->'user'->>'email'", email);
    expect(event).toMatchObject({
      metadata: { name: "before-user-created", uuid: expect.any(String), time: expect.any(String) },
      user: {
        id: data.user?.id,
        aud: "authenticated",
        role: "",
        email,
        app_metadata: { provider: "email", providers: ["email"] },
        user_metadata: { plan: "pro" },
        identities: [],
        is_anonymous: false,
      },
    });
  });

  it("an error it returns refuses the sign-up with its status and message, and creates nobody", async () => {
    await hookBody("before_user_created", refuseBlockedDomain);
    const email = `someone-${Date.now()}@blocked.example`;
    const { data, error } = await client().auth.signUp({ email, password: PASSWORD });
    expect(data.user).toBeNull();
    expect(error?.status).toBe(400);
    expect(error?.message).toBe("Sign-ups from this domain are not allowed");
    expect(await userCount(email)).toBe(0);
    // The same refusal for the other ways GoTrue creates users: a magic link, an invite, a generated link.
    const otp = await client().auth.signInWithOtp({ email });
    expect(otp.error?.message).toBe("Sign-ups from this domain are not allowed");
    const admin = adminClient({ url: local.url });
    const invite = await admin.auth.admin.inviteUserByEmail(email);
    expect(invite.error?.message).toBe("Sign-ups from this domain are not allowed");
    const link = await admin.auth.admin.generateLink({ type: "signup", email, password: PASSWORD });
    expect(link.error?.message).toBe("Sign-ups from this domain are not allowed");
    expect(await userCount(email)).toBe(0);
  });

  it("runs for an anonymous sign-in, and not for the admin API's createUser (as GoTrue)", async () => {
    await hookBody(
      "before_user_created",
      `if (event->'user'->>'is_anonymous')::boolean then
         return jsonb_build_object('error', jsonb_build_object('http_code', 403, 'message', 'No guests'));
       end if;
       return jsonb_build_object('error', jsonb_build_object('http_code', 403, 'message', 'No sign-ups'));`,
    );
    const anonymous = await client().auth.signInAnonymously();
    expect(anonymous.error?.status).toBe(403);
    expect(anonymous.error?.message).toBe("No guests");
    const email = uniqueEmail("hook-admin-create");
    const created = await adminClient({ url: local.url }).auth.admin.createUser({ email, email_confirm: true });
    expect(created.error).toBeNull();
    expect(await userCount(email)).toBe(1);
  });
});

describe("password_verification_attempt", () => {
  it("sees every check of an existing user's password; its rejection is the answer and may end sessions", async () => {
    await hookBody(
      "password_verification_attempt",
      `if (select count(*) from public.auth_conformance_hook_attempts a
            where a.hook = 'password_verification_attempt' and a.event->>'user_id' = $1->>'user_id'
              and a.event->>'valid' = 'false') >= 3 then
       return jsonb_build_object('decision', 'reject', 'message', 'Too many attempts, reset your password.',
           'should_logout_user', true);
       end if;
       return jsonb_build_object('decision', 'continue');`,
    );
    const { email, id } = await confirmedUser("hook-password");
    const first = await client().auth.signInWithPassword({ email, password: PASSWORD });
    expect(first.error).toBeNull();
    expect(await sessions(id)).toBe(1);
    for (let attempt = 0; attempt < 2; attempt++) {
      const wrong = await client().auth.signInWithPassword({ email, password: "not-the-password" });
      expect(wrong.error?.message).toBe("Invalid login credentials");
    }
    // The third failure is recorded (kept although the sign-in failed) and rejected, and so is what follows.
    const third = await client().auth.signInWithPassword({ email, password: "not-the-password" });
    expect(third.error?.status).toBe(400);
    expect(third.error?.code).toBe("invalid_credentials");
    expect(third.error?.message).toBe("Too many attempts, reset your password.");
    const right = await client().auth.signInWithPassword({ email, password: PASSWORD });
    expect(right.error?.message).toBe("Too many attempts, reset your password.");
    expect(await sessions(id)).toBe(0);
    const seen = await events("password_verification_attempt", "event->>'user_id'", id);
    expect(seen.map((event) => event.valid)).toEqual([true, false, false, false, true]);
    expect(seen[0]).toMatchObject({ metadata: { name: "password-verification" }, user_id: id });
    // An unknown address never reaches the hook: GoTrue answers before checking any password.
    const before = await events("password_verification_attempt", "hook", "password_verification_attempt");
    await client().auth.signInWithPassword({ email: uniqueEmail("hook-nobody"), password: PASSWORD });
    expect(await events("password_verification_attempt", "hook", "password_verification_attempt")).toHaveLength(
      before.length,
    );
  });

  it("a rejection without a message gets GoTrue's default", async () => {
    await hookBody("password_verification_attempt", `return jsonb_build_object('decision', 'reject');`);
    const { email, id } = await confirmedUser("hook-password-default");
    const { error } = await client().auth.signInWithPassword({ email, password: PASSWORD });
    expect(error?.message).toBe("Further password verification attempts will be rejected.");
    expect(await sessions(id)).toBe(0);
  });

  it("an answer GoTrue cannot read is its 500, and nobody signs in", async () => {
    await hookBody("password_verification_attempt", `return jsonb_build_object('decision', 5);`);
    const { email, id } = await confirmedUser("hook-password-garbled");
    const { error } = await client().auth.signInWithPassword({ email, password: PASSWORD });
    expect(error?.status).toBe(500);
    expect(error?.message).toBe("Error unmarshaling JSON output.");
    expect(await sessions(id)).toBe(0);
  });
});

describe("mfa_verification_attempt", () => {
  const codeFor = (secret: string, step = 0) =>
    new TOTP({ secret: Secret.fromBase32(secret) }).generate({ timestamp: Date.now() + step * 30_000 });
  /** A code none of the accepted steps (previous, current, next) would take. */
  const wrongCode = (secret: string) => {
    const accepted = new Set([-1, 0, 1].map((step) => codeFor(secret, step)));
    let candidate = 0;
    while (accepted.has(String(candidate).padStart(6, "0"))) candidate += 1;
    return String(candidate).padStart(6, "0");
  };

  it("sees each TOTP check; its rejection is 403 mfa_verification_rejected and ends every session", async () => {
    await hookBody("mfa_verification_attempt", `return jsonb_build_object('decision', 'continue');`);
    const { email, id } = await confirmedUser("hook-mfa");
    const supabase = client();
    expect((await supabase.auth.signInWithPassword({ email, password: PASSWORD })).error).toBeNull();
    const { data: factor } = await supabase.auth.mfa.enroll({ factorType: "totp" });
    const secret = factor?.totp.secret ?? "";
    const verified = await supabase.auth.mfa.challengeAndVerify({ factorId: factor?.id ?? "", code: codeFor(secret) });
    expect(verified.error).toBeNull();

    await hookBody(
      "mfa_verification_attempt",
      `if not (event->>'valid')::boolean then
         return jsonb_build_object('decision', 'reject', 'message', 'Factor locked');
       end if;
       return jsonb_build_object('decision', 'continue');`,
    );
    const other = client();
    expect((await other.auth.signInWithPassword({ email, password: PASSWORD })).error).toBeNull();
    expect(await sessions(id)).toBe(2);
    const rejected = await other.auth.mfa.challengeAndVerify({ factorId: factor?.id ?? "", code: wrongCode(secret) });
    expect(rejected.error?.status).toBe(403);
    expect(rejected.error?.code).toBe("mfa_verification_rejected");
    expect(rejected.error?.message).toBe("Factor locked");
    expect(await sessions(id)).toBe(0);
    const seen = await events("mfa_verification_attempt", "event->>'user_id'", id);
    expect(seen.map((event) => event.valid)).toEqual([true, false]);
    expect(seen[1]).toMatchObject({
      metadata: { name: "mfa-verification" },
      user_id: id,
      factor_id: factor?.id,
      factor_type: "totp",
    });
  });
});
