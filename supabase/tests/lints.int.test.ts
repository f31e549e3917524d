/**
 * Fails the build on the Supabase security advisor's findings that apply here (support/lints.ts):
 * mutable search_path, RLS disabled in an exposed schema, SECURITY DEFINER executable by
 * anon/authenticated without the admin check, auth.uid() unwrapped in policies, user_metadata in
 * policies. Each lint is also shown a deliberately bad object (rolled back) to prove it can see one.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type pg from "pg";
import { createPool, inRolledBackTx } from "./support/db";
import { LINTS } from "./support/lints";

const pool = createPool();
afterAll(() => pool.end());

/** The Data API's schemas, from supabase/config.toml [api] schemas. */
function exposedSchemas(): string[] {
  const config = readFileSync(path.join(process.cwd(), "supabase", "config.toml"), "utf8");
  const list = /^schemas\s*=\s*\[(.*)\]/m.exec(config)?.[1] ?? "";
  return [...list.matchAll(/"([^"]+)"/g)].map((m) => m[1] ?? "");
}

async function findings(client: pg.ClientBase | pg.Pool, lint: string): Promise<string[]> {
  const sql = LINTS[lint];
  if (sql === undefined) throw new Error(`no lint ${lint}`);
  const params = sql.includes("$1") ? [exposedSchemas()] : [];
  const { rows } = await client.query<{ name: string }>(sql, params);
  return rows.map((r) => r.name).sort();
}

const planted: [string, string, string][] = [
  [
    "function_search_path_mutable",
    "create function public.lint_probe() returns int language sql as 'select 1'",
    "public.lint_probe",
  ],
  ["rls_disabled_in_public", "create table public.lint_probe (id int)", "public.lint_probe"],
  [
    "security_definer_executable",
    `create function public.lint_probe() returns int language sql security definer set search_path = '' as 'select 1';
     grant execute on function public.lint_probe() to authenticated`,
    "public.lint_probe",
  ],
  [
    "security_definer_executable",
    `create function private.lint_probe() returns void language plpgsql security definer set search_path = ''
       as 'begin perform private.assert_admin(); end';
     grant execute on function private.lint_probe() to anon`,
    "private.lint_probe",
  ],
  [
    "auth_rls_initplan",
    `create table public.lint_probe (user_id uuid); alter table public.lint_probe enable row level security;
     create policy probe on public.lint_probe for select to authenticated using (auth.uid() = user_id)`,
    "public.lint_probe: probe",
  ],
  [
    "auth_rls_initplan",
    `create table public.lint_probe (user_id uuid); alter table public.lint_probe enable row level security;
     create policy probe on public.lint_probe for select to authenticated
       using ((select auth.uid()) = user_id and auth.jwt() ->> 'role' = 'authenticated')`,
    "public.lint_probe: probe",
  ],
  [
    "rls_references_user_metadata",
    `create table public.lint_probe (user_id uuid); alter table public.lint_probe enable row level security;
     create policy probe on public.lint_probe for select to authenticated
       using (((select auth.jwt()) -> 'user_metadata' ->> 'role') = 'admin')`,
    "public.lint_probe: probe",
  ],
  [
    "function_references_user_metadata",
    `create function private.lint_probe() returns boolean language sql set search_path = ''
       as $$ select (auth.jwt() -> 'user_metadata' ->> 'role') = 'admin' $$`,
    "private.lint_probe",
  ],
];

describe("security advisor lints", () => {
  it("reads the exposed schemas from config.toml", () => {
    expect(exposedSchemas()).toContain("public");
  });

  it.each(Object.keys(LINTS))("%s: no findings", async (lint) => {
    expect(await findings(pool, lint)).toEqual([]);
  });

  it.each(planted)("%s detects a planted bad object", async (lint, ddl, expected) => {
    await inRolledBackTx(pool, async (client) => {
      await client.query(ddl);
      expect(await findings(client, lint)).toContain(expected);
    });
  });

  it("accepts an admin function that starts with the check (the shape admin_* use)", async () => {
    await inRolledBackTx(pool, async (client) => {
      await client.query(`
        create function public.lint_probe() returns int language plpgsql security definer set search_path = ''
          as $$ begin perform private.assert_admin(); return 1; end $$;
        revoke all on function public.lint_probe() from public, anon;
        grant execute on function public.lint_probe() to authenticated`);
      expect(await findings(client, "security_definer_executable")).toEqual([]);
    });
  });
});
