/**
 * db:setup's verification of the profile schema, as catalog queries: the profile table and its defaults,
 * the signup trigger and its function's safety properties (SECURITY DEFINER, an empty search_path, AFTER INSERT only), RLS, policies and grants.
 * Each check reports through the Report, so one run lists everything that is wrong at once.
 */
import type pg from "pg";
import type { Report } from "./cli";

/** The profile's columns: name → [udt name, default fragment or null]. */
const SEED_COLUMNS: Record<string, [string, string | null]> = {
  profile_id: ["uuid", "gen_random_uuid()"],
  user_id: ["uuid", null],
  years_of_experience: ["int4", "0"],
  experience_level: ["text", "'entry'"],
  education_level: ["text", "'bachelors'"],
  field_of_study: ["text", null],
  skills_technologies: ["_text", null],
  work_arrangement_preference: ["text", "'any'"],
  preferred_locations: ["_text", null],
  salary_min: ["int4", null],
  salary_max: ["int4", null],
  salary_currency: ["text", "'USD'"],
  profile_completed: ["bool", "false"],
  created_at: ["timestamptz", "now()"],
  updated_at: ["timestamptz", "now()"],
};

/** Columns a signed-in person may write; everything else belongs to the database. */
export const BROWSER_WRITABLE = [
  "years_of_experience",
  "experience_level",
  "education_level",
  "field_of_study",
  "skills_technologies",
  "work_arrangement_preference",
  "preferred_locations",
  "salary_min",
  "salary_max",
  "salary_currency",
];
/** Written only by the database: ids, timestamps, completion, and the answered/skipped bookkeeping that
 * `save_profile_step` keeps (a client that could write it could reach 100 % without answering). */
const DATABASE_OWNED = [
  "profile_id",
  "user_id",
  "profile_completed",
  "completed_at",
  "created_at",
  "updated_at",
  "answered_fields",
  "skipped_fields",
];

async function one<T extends pg.QueryResultRow>(
  client: pg.ClientBase,
  sql: string,
  params: unknown[] = [],
): Promise<T | undefined> {
  return (await client.query<T>(sql, params)).rows[0];
}

export async function checkTable(client: pg.ClientBase, report: Report): Promise<boolean> {
  const { rows } = await client.query<{ column_name: string; udt_name: string; column_default: string | null }>(
    `select column_name, udt_name, column_default from information_schema.columns
     where table_schema = 'public' and table_name = 'user_profiles'`,
  );
  if (!report.check(rows.length > 0, "table public.user_profiles exists", "not found — did the migrations run?"))
    return false;
  const problems: string[] = [];
  for (const [name, [udt, defaultFragment]] of Object.entries(SEED_COLUMNS)) {
    const column = rows.find((row) => row.column_name === name);
    if (!column) problems.push(`${name} missing`);
    else if (column.udt_name !== udt) problems.push(`${name} is ${column.udt_name}, expected ${udt}`);
    else if (defaultFragment && !(column.column_default ?? "").includes(defaultFragment))
      problems.push(`${name} default is ${column.column_default ?? "none"}, expected ${defaultFragment}`);
  }
  report.check(
    problems.length === 0,
    "seed columns, types and defaults",
    problems.join("; "),
    `${rows.length} columns`,
  );
  const keys = await one<{ unique_user: boolean; cascade: boolean }>(
    client,
    `select
       exists (select 1 from pg_constraint where conrelid = 'public.user_profiles'::regclass and contype = 'u'
               and conkey = array[(select attnum from pg_attribute where attrelid = 'public.user_profiles'::regclass and attname = 'user_id')]) as unique_user,
       exists (select 1 from pg_constraint where conrelid = 'public.user_profiles'::regclass and contype = 'f'
               and confrelid = 'auth.users'::regclass and confdeltype = 'c') as cascade`,
  );
  report.check(keys?.unique_user === true, "one profile per user (unique user_id)", "no unique constraint on user_id");
  report.check(
    keys?.cascade === true,
    "user_id references auth.users on delete cascade",
    "foreign key missing or not cascading",
  );
  return true;
}

export async function checkTrigger(client: pg.ClientBase, report: Report): Promise<void> {
  const trigger = await one<{
    tgname: string;
    tgtype: number;
    tgenabled: string;
    fn: string;
    schema: string;
    secdef: boolean;
    config: string[] | null;
    owner: string;
    oid: number;
  }>(
    client,
    `select t.tgname, t.tgtype, t.tgenabled, p.proname as fn, n.nspname as schema, p.prosecdef as secdef,
            p.proconfig as config, pg_get_userbyid(p.proowner) as owner, p.oid
     from pg_trigger t join pg_proc p on p.oid = t.tgfoid join pg_namespace n on n.oid = p.pronamespace
     where t.tgrelid = 'auth.users'::regclass and not t.tgisinternal and t.tgname = 'on_auth_user_created'`,
  );
  if (!trigger) {
    report.fail("trigger on_auth_user_created on auth.users", "not found — signups get no profile");
    return;
  }
  report.pass("trigger on_auth_user_created on auth.users");
  // tgtype bits: 1 row, 2 before, 4 insert, 16 update (pg_trigger.h).
  const { tgtype } = trigger;
  const afterInsertRow = (tgtype & 1) === 1 && (tgtype & 2) === 0 && (tgtype & 4) === 4;
  report.check(afterInsertRow, "fires AFTER INSERT FOR EACH ROW", `tgtype ${tgtype}`);
  report.check((tgtype & 16) === 0, "does not fire on UPDATE (would run on every sign-in)", `tgtype ${tgtype}`);
  report.check(
    trigger.tgenabled === "O" || trigger.tgenabled === "A",
    "trigger is enabled",
    `tgenabled=${trigger.tgenabled}`,
  );
  const fn = `${trigger.schema}.${trigger.fn}()`;
  report.check(
    trigger.secdef,
    `${fn} is SECURITY DEFINER`,
    "runs as supabase_auth_admin, which cannot write public tables",
  );
  report.check(
    (trigger.config ?? []).some((item) => /^search_path=(""|)$/.test(item)),
    `${fn} pins search_path = ''`,
    `config ${JSON.stringify(trigger.config)}`,
  );
  report.check(
    !["public", "graphql_public"].includes(trigger.schema),
    `${fn} lives outside the Data API's schemas`,
    `schema ${trigger.schema}`,
  );
  const exec = await one<{ roles: string[] }>(
    client,
    `select coalesce(array_agg(r), '{}') as roles from unnest(array['public', 'anon', 'authenticated']) as r
     where case when r = 'public' then exists (select 1 from pg_proc p, aclexplode(coalesce(p.proacl, acldefault('f', p.proowner))) a where p.oid = $1 and a.grantee = 0 and a.privilege_type = 'EXECUTE')
                else has_function_privilege(r, $1::oid, 'EXECUTE') end`,
    [trigger.oid],
  );
  report.check(
    (exec?.roles ?? []).length === 0,
    `EXECUTE on ${fn} revoked from public, anon, authenticated`,
    `granted to ${exec?.roles.join(", ")}`,
    `owner ${trigger.owner}`,
  );
}

export async function checkRlsAndGrants(client: pg.ClientBase, report: Report): Promise<void> {
  const rls = await client.query<{ relname: string; on: boolean }>(
    `select c.relname, c.relrowsecurity as on from pg_class c where c.oid in ('public.user_profiles'::regclass, 'public.user_profile_history'::regclass)`,
  );
  for (const row of rls.rows) report.check(row.on, `RLS enabled on public.${row.relname}`, "row level security is off");
  // Restrictive policies only narrow what the permissive ones allow (the two-factor rule is one), so
  // only permissive policies can open rows to a role.
  const policies = await client.query<{ cmd: string; roles: string[]; qual: string | null }>(
    `select cmd, roles::text[] as roles, qual from pg_policies
     where schemaname = 'public' and tablename = 'user_profiles' and permissive = 'PERMISSIVE'`,
  );
  const byCmd = (cmd: string) => policies.rows.filter((policy) => policy.cmd === cmd);
  const ownRow = (cmd: string) =>
    byCmd(cmd).some((policy) => policy.roles.join() === "authenticated" && /auth\.uid\(\)/.test(policy.qual ?? ""));
  report.check(ownRow("SELECT"), "policy: authenticated select own row (auth.uid() = user_id)", "missing");
  report.check(ownRow("UPDATE"), "policy: authenticated update own row (auth.uid() = user_id)", "missing");
  const extra = policies.rows
    .filter((policy) => !["SELECT", "UPDATE"].includes(policy.cmd))
    .map((policy) => policy.cmd);
  report.check(extra.length === 0, "no INSERT/DELETE/ALL policies on user_profiles", `found ${extra.join(", ")}`);
  const grants = await one<Record<string, boolean>>(
    client,
    `select
       has_table_privilege('anon', 'public.user_profiles', 'select,insert,update,delete') as anon_any,
       has_table_privilege('authenticated', 'public.user_profiles', 'select') as auth_select,
       has_table_privilege('authenticated', 'public.user_profiles', 'insert,delete,truncate') as auth_write_rows,
       has_table_privilege('authenticated', 'public.user_profiles', 'update') as auth_update_table,
       has_table_privilege('authenticated', 'public.user_profile_history', 'insert,update,delete') as history_write,
       has_table_privilege('service_role', 'public.user_profiles', 'select,insert,update,delete') as service_rw`,
  );
  report.check(grants?.anon_any === false, "anon has no privileges on user_profiles", "anon can reach profiles");
  report.check(
    grants?.auth_select === true,
    "authenticated may SELECT user_profiles (RLS filters rows)",
    "SELECT not granted",
  );
  report.check(
    grants?.auth_write_rows === false,
    "authenticated may not INSERT/DELETE/TRUNCATE user_profiles",
    "granted",
  );
  report.check(
    grants?.auth_update_table === false,
    "no table-wide UPDATE for authenticated (column grants only)",
    "table-wide UPDATE granted",
  );
  report.check(
    grants?.service_rw === true,
    "service_role may read and write user_profiles (scripts, account deletion)",
    "missing grants",
  );
  report.check(grants?.history_write === false, "user_profile_history is read-only for authenticated", "writable");
  const columns = await client.query<{ attname: string; can: boolean }>(
    `select attname, has_column_privilege('authenticated', 'public.user_profiles', attname, 'UPDATE') as can
     from pg_attribute where attrelid = 'public.user_profiles'::regclass and attnum > 0 and not attisdropped`,
  );
  const can = new Set(columns.rows.filter((row) => row.can).map((row) => row.attname));
  const missing = BROWSER_WRITABLE.filter((name) => !can.has(name));
  const leaked = DATABASE_OWNED.filter((name) => can.has(name));
  report.check(
    missing.length === 0,
    "authenticated may UPDATE the wizard's columns",
    `not granted: ${missing.join(", ")}`,
  );
  report.check(
    leaked.length === 0,
    "authenticated may not UPDATE ids, completion, answered fields or timestamps",
    `granted: ${leaked.join(", ")}`,
  );
  const rpc = await one<{ auth: boolean; anon: boolean }>(
    client,
    `select has_function_privilege('authenticated', 'public.get_profile_completion(uuid)', 'EXECUTE') as auth,
            has_function_privilege('anon', 'public.get_profile_completion(uuid)', 'EXECUTE') as anon`,
  );
  report.check(
    rpc?.auth === true && rpc.anon === false,
    "get_profile_completion: authenticated yes, anon no",
    JSON.stringify(rpc),
  );
}

export async function checkOrphans(client: pg.ClientBase, report: Report): Promise<void> {
  const row = await one<{ orphans: string }>(
    client,
    `select count(*) as orphans from auth.users u where not exists (select 1 from public.user_profiles p where p.user_id = u.id)`,
  );
  const orphans = Number(row?.orphans ?? 0);
  report.check(
    orphans === 0,
    "every auth user has a profile (orphans = 0)",
    `${orphans} user(s) without a profile — run npm run profiles:backfill`,
  );
}
