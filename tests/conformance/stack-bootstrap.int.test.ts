/**
 * The platform bootstrap as a hosted project has it: roles and their attributes, the
 * auth schema's shape, auth.uid()/role()/email()/jwt() under PostgREST-style claims, the 2026 default
 * privileges (a new public table gets NO grants for the API roles), and migrations recorded like the
 * CLI records them. Talks SQL to SUPABASE_DB_URL.
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const dbUrl = process.env.SUPABASE_DB_URL;
if (!dbUrl) throw new Error("SUPABASE_DB_URL is not set (run through npm run test:integration)");

let client: pg.Client;
beforeAll(async () => {
  client = new pg.Client({ connectionString: dbUrl });
  await client.connect();
});
afterAll(async () => {
  await client.end();
});

async function one<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T> {
  const { rows } = await client.query<T>(sql, params);
  if (rows[0] === undefined) throw new Error(`no row for: ${sql}`);
  return rows[0];
}

/** Runs `work` in a transaction that is always rolled back. */
async function inRollback(work: () => Promise<void>): Promise<void> {
  await client.query("begin");
  try {
    await work();
  } finally {
    await client.query("rollback");
  }
}

describe("roles", () => {
  it.each([
    ["anon", { rolcanlogin: false, rolbypassrls: false }],
    ["authenticated", { rolcanlogin: false, rolbypassrls: false }],
    ["service_role", { rolcanlogin: false, rolbypassrls: true }],
    ["authenticator", { rolcanlogin: true, rolinherit: false, rolbypassrls: false }],
    ["supabase_auth_admin", { rolcanlogin: true, rolinherit: false }],
  ])("%s has the hosted attributes", async (role, attributes) => {
    const row = await one("select rolcanlogin, rolinherit, rolbypassrls, rolsuper from pg_roles where rolname = $1", [
      role,
    ]);
    expect(row).toMatchObject({ ...attributes, rolsuper: false });
  });

  it("postgres is not a superuser, as on hosted, but may create roles and bypass RLS", async () => {
    const row = await one(
      "select rolsuper, rolcreaterole, rolbypassrls, rolcanlogin from pg_roles where rolname = 'postgres'",
    );
    expect(row).toEqual({ rolsuper: false, rolcreaterole: true, rolbypassrls: true, rolcanlogin: true });
  });

  it.each(["anon", "authenticated", "service_role"])("authenticator may switch to %s", async (role) => {
    const row = await one<{ member: boolean }>("select pg_has_role('authenticator', $1, 'MEMBER') as member", [role]);
    expect(row.member).toBe(true);
  });

  it("supabase_auth_admin works in the auth schema by default", async () => {
    const row = await one<{ config: string[] | null }>(
      "select rolconfig as config from pg_roles where rolname = 'supabase_auth_admin'",
    );
    expect(row.config).toContain("search_path=auth");
  });

  it.each([
    ["anon", "3s"],
    ["authenticated", "8s"],
  ])("%s has statement_timeout %s", async (role, timeout) => {
    const row = await one<{ config: string[] | null }>("select rolconfig as config from pg_roles where rolname = $1", [
      role,
    ]);
    expect(row.config).toContain(`statement_timeout=${timeout}`);
  });
});

describe("auth schema", () => {
  it.each([
    "users",
    "identities",
    "sessions",
    "refresh_tokens",
    "mfa_amr_claims",
    "flow_state",
    "one_time_tokens",
    "audit_log_entries",
    "instances",
    "schema_migrations",
  ])("auth.%s exists and belongs to supabase_auth_admin", async (table) => {
    const row = await one<{ owner: string }>(
      "select tableowner as owner from pg_tables where schemaname = 'auth' and tablename = $1",
      [table],
    );
    expect(row.owner).toBe("supabase_auth_admin");
  });

  it("auth.users has GoTrue's columns, with confirmed_at generated", async () => {
    const { rows } = await client.query<{ column_name: string; is_generated: string }>(
      "select column_name, is_generated from information_schema.columns where table_schema = 'auth' and table_name = 'users'",
    );
    const columns = new Map(rows.map((row) => [row.column_name, row.is_generated]));
    for (const column of [
      "instance_id",
      "id",
      "aud",
      "role",
      "email",
      "encrypted_password",
      "email_confirmed_at",
      "invited_at",
      "confirmation_token",
      "confirmation_sent_at",
      "recovery_token",
      "recovery_sent_at",
      "email_change_token_new",
      "email_change",
      "email_change_sent_at",
      "last_sign_in_at",
      "raw_app_meta_data",
      "raw_user_meta_data",
      "is_super_admin",
      "created_at",
      "updated_at",
      "phone",
      "phone_confirmed_at",
      "phone_change",
      "phone_change_token",
      "phone_change_sent_at",
      "confirmed_at",
      "email_change_token_current",
      "email_change_confirm_status",
      "banned_until",
      "reauthentication_token",
      "reauthentication_sent_at",
      "is_sso_user",
      "deleted_at",
      "is_anonymous",
    ]) {
      expect(columns.has(column), column).toBe(true);
    }
    expect(columns.get("confirmed_at")).toBe("ALWAYS");
  });

  it("a GoTrue-style insert as supabase_auth_admin derives confirmed_at and identity email", async () => {
    await inRollback(async () => {
      await client.query("set local role supabase_auth_admin");
      await client.query("set local search_path = auth");
      const id = "0d6f1c2e-1111-4222-8333-444455556666";
      await client.query(
        `insert into users (instance_id, id, aud, role, email, encrypted_password, raw_app_meta_data, raw_user_meta_data, created_at, updated_at, email_confirmed_at)
         values ('00000000-0000-0000-0000-000000000000', $1, 'authenticated', '', 'probe-bootstrap@example.com', '', '{}', '{}', now(), now(), '2026-01-02T03:04:05Z')`,
        [id],
      );
      await client.query(
        "insert into identities (provider_id, user_id, identity_data, provider) values ($1::text, $1::uuid, $2, 'email')",
        [id, JSON.stringify({ sub: id, email: "Probe-Bootstrap@Example.com" })],
      );
      const row = await one<{ confirmed_at: Date; email: string }>(
        "select u.confirmed_at, i.email from users u join identities i on i.user_id = u.id where u.id = $1",
        [id],
      );
      expect(row.confirmed_at.toISOString()).toBe("2026-01-02T03:04:05.000Z");
      expect(row.email).toBe("probe-bootstrap@example.com");
    });
  });
});

describe("auth functions read PostgREST's claims", () => {
  const claims = {
    sub: "9f2d6c1e-2b7a-4c55-9d0f-1c2b3a4d5e6f",
    role: "authenticated",
    email: "alice@example.com",
    aal: "aal1",
  };

  it("as authenticated with request.jwt.claims set", async () => {
    await inRollback(async () => {
      await client.query("set local role authenticated");
      await client.query("select set_config('request.jwt.claims', $1, true)", [JSON.stringify(claims)]);
      const row = await one(
        "select auth.uid()::text as uid, auth.role() as role, auth.email() as email, auth.jwt() ->> 'aal' as aal",
      );
      expect(row).toEqual({ uid: claims.sub, role: "authenticated", email: claims.email, aal: "aal1" });
    });
  });

  it("the legacy per-claim setting wins when present", async () => {
    await inRollback(async () => {
      await client.query("select set_config('request.jwt.claims', $1, true)", [JSON.stringify(claims)]);
      await client.query("select set_config('request.jwt.claim.sub', '00000000-0000-0000-0000-00000000000a', true)");
      expect((await one<{ uid: string }>("select auth.uid()::text as uid")).uid).toBe(
        "00000000-0000-0000-0000-00000000000a",
      );
    });
  });

  it("anon: uid() is null, role() is anon", async () => {
    await inRollback(async () => {
      await client.query("set local role anon");
      await client.query("select set_config('request.jwt.claims', $1, true)", [
        JSON.stringify({ role: "anon", iss: "supabase-demo" }),
      ]);
      expect(await one("select auth.uid() as uid, auth.role() as role, auth.email() as email")).toEqual({
        uid: null,
        role: "anon",
        email: null,
      });
    });
  });

  it("no claims at all: every function returns null", async () => {
    await inRollback(async () => {
      expect(
        await one("select auth.uid() as uid, auth.role() as role, auth.email() as email, auth.jwt() as jwt"),
      ).toEqual({
        uid: null,
        role: null,
        email: null,
        jwt: null,
      });
    });
  });
});

describe("grants after the 2026 change", () => {
  it.each(["anon", "authenticated", "service_role"])("%s may use schemas public and extensions", async (role) => {
    const row = await one(
      "select has_schema_privilege($1, 'public', 'USAGE') as public, has_schema_privilege($1, 'extensions', 'USAGE') as extensions",
      [role],
    );
    expect(row).toEqual({ public: true, extensions: true });
  });

  it("a new public table and its sequence get no grants for the API roles", async () => {
    await inRollback(async () => {
      await client.query("set local role postgres");
      await client.query("create table public.grants_probe (id serial primary key, note text)");
      const { rows } = await client.query(
        `select grantee, privilege_type from information_schema.role_table_grants
         where table_schema = 'public' and table_name = 'grants_probe' and grantee in ('anon', 'authenticated', 'service_role')`,
      );
      expect(rows).toEqual([]);
      for (const role of ["anon", "authenticated", "service_role"]) {
        const row = await one(
          `select has_table_privilege($1, 'public.grants_probe', 'SELECT') as sel,
                  has_table_privilege($1, 'public.grants_probe', 'INSERT') as ins,
                  has_sequence_privilege($1, 'public.grants_probe_id_seq', 'USAGE') as seq`,
          [role],
        );
        expect(row, role).toEqual({ sel: false, ins: false, seq: false });
      }
    });
  });

  it("without a grant, authenticated is refused with 42501", async () => {
    await client.query("begin");
    try {
      await client.query("create table public.grants_probe2 (id int)");
      await client.query("set local role authenticated");
      await expect(client.query("select * from public.grants_probe2")).rejects.toMatchObject({ code: "42501" });
    } finally {
      await client.query("rollback");
    }
  });
});

describe("migrations", () => {
  it("every supabase/migrations file is recorded with its name and statements", async () => {
    const dir = path.join(process.cwd(), "supabase", "migrations");
    const files = readdirSync(dir).filter((name) => /^[0-9]+_.*\.sql$/.test(name));
    const { rows } = await client.query<{ version: string; name: string; statements: string[] }>(
      "select version, name, statements from supabase_migrations.schema_migrations",
    );
    const recorded = new Map(rows.map((row) => [row.version, row]));
    for (const file of files) {
      const [, version, name] = /^([0-9]+)_(.*)\.sql$/.exec(file) ?? [];
      const row = recorded.get(version ?? "");
      expect(row, file).toBeDefined();
      expect(row?.name).toBe(name);
      expect(row?.statements.length).toBeGreaterThan(0);
    }
  });
});
