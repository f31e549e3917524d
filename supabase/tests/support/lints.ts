/**
 * Advisor-style lints as queries over pg_catalog: the Supabase security advisor's findings that apply
 * to this project. Each returns one row per finding, `{ name }` (the object), so a test can demand
 * none — and prove, with a deliberately bad object, that the query would see one.
 */

/** Schemas that belong to the platform or PostgreSQL, not to our migrations. */
const PLATFORM_SCHEMAS = [
  "pg_catalog",
  "information_schema",
  "pg_toast",
  "auth",
  "extensions",
  "graphql",
  "graphql_public",
  "storage",
  "realtime",
  "supabase_migrations",
  "supabase_functions",
  "vault",
  "pgsodium",
  "net",
  "cron",
  "pgbouncer",
];
const platform = PLATFORM_SCHEMAS.map((s) => `'${s}'`).join(", ");

/** Functions our migrations own (not the platform's, not an extension's). */
const userFunctions = `
  select p.oid, n.nspname, p.proname, p.prosecdef, p.proconfig, p.prosrc
  from pg_proc p
  join pg_namespace n on n.oid = p.pronamespace
  where n.nspname not in (${platform})
    and n.nspname not like 'pg\\_temp%' and n.nspname not like 'pg\\_toast%'
    and not exists (select 1 from pg_depend d where d.objid = p.oid and d.deptype = 'e')`;

/** Policies on user tables, with both expressions as text. */
const userPolicies = `
  select schemaname, tablename, policyname, coalesce(qual, '') || ' ' || coalesce(with_check, '') as expr
  from pg_policies
  where schemaname not in (${platform})`;

/**
 * SECURITY DEFINER functions that signed-in users may call because each acts only on the caller's
 * own row and only on columns it chooses itself (save-profile-step.int.test.ts tries the attacks).
 */
const OWN_ROW_WRITERS = ["public.save_profile_step"];

export const LINTS: Record<string, string> = {
  // 0011 function_search_path_mutable
  function_search_path_mutable: `
    select nspname || '.' || proname as name from (${userFunctions}) f
    where not exists (select 1 from unnest(coalesce(f.proconfig, '{}')) c where c like 'search_path=%')`,

  // 0013 rls_disabled_in_public (any table in an exposed schema)
  rls_disabled_in_public: `
    select n.nspname || '.' || c.relname as name
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = any($1::text[]) and c.relkind in ('r', 'p') and not c.relrowsecurity`,

  // 0028/0029 SECURITY DEFINER function executable by anon / authenticated. Never for anon. For
  // authenticated only outside the exposed schemas (not callable over HTTP, e.g. a helper that RLS
  // policies call, as the advisor itself counts them), in an exposed schema when the body's first
  // statement is the admin check (`begin perform private.assert_admin();`), or one of OWN_ROW_WRITERS.
  security_definer_executable: `
    select nspname || '.' || proname as name from (${userFunctions}) f
    where f.prosecdef
      and (f.nspname || '.' || f.proname) <> all (array[${OWN_ROW_WRITERS.map((name) => `'${name}'`).join(", ")}])
      and (
        has_function_privilege('anon', f.oid, 'execute')
        or (has_function_privilege('authenticated', f.oid, 'execute')
            and f.nspname = any($1::text[])
            and f.prosrc !~* '^\\s*begin\\s+perform\\s+private\\.assert_admin\\(\\)\\s*;')
      )`,

  // 0003 auth_rls_initplan: auth.<fn>() or current_setting() called per row instead of once
  auth_rls_initplan: `
    select schemaname || '.' || tablename || ': ' || policyname as name from (${userPolicies}) p
    where regexp_count(p.expr, 'auth\\.(uid|jwt|role|email)\\(\\)', 1, 'i')
          > regexp_count(p.expr, 'select\\s+\\(?auth\\.(uid|jwt|role|email)\\(\\)', 1, 'i')
       or regexp_count(p.expr, 'current_setting\\(', 1, 'i')
          > regexp_count(p.expr, 'select\\s+\\(?current_setting\\(', 1, 'i')`,

  // 0015 rls_references_user_metadata (user_metadata is writable by the user)
  rls_references_user_metadata: `
    select schemaname || '.' || tablename || ': ' || policyname as name from (${userPolicies}) p
    where p.expr ilike '%user_metadata%' or p.expr ilike '%raw_user_meta_data%'`,

  // Ours: no function of ours decides anything from user_metadata either (e.g. the admin check).
  // The one exception only shows it: the admin dashboard's recent sign-ups list the name a person
  // gave at sign-up, next to facts Auth owns; nothing is granted or filtered by it.
  function_references_user_metadata: `
    select nspname || '.' || proname as name from (${userFunctions}) f
    where (f.prosrc ilike '%user_metadata%' or f.prosrc ilike '%raw_user_meta_data%')
      and (nspname, proname) not in (('public', 'admin_recent_signups'))`,
};
