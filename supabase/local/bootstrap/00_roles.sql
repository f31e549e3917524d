-- Roles of a hosted Supabase project. Runs once, as the initdb superuser
-- supabase_admin (as in the Supabase image), on a fresh data dir. Passwords are the CLI's local
-- default ('postgres'): local only.

-- postgres runs the user's migrations and is what people connect as. On hosted it is NOT a superuser,
-- so neither is it here: a migration that only works as a superuser fails locally too.
create role postgres login createdb createrole replication bypassrls password 'postgres';

-- The Data API roles. PostgREST switches to one of these per request from the JWT's `role` claim.
create role anon nologin inherit;
create role authenticated nologin inherit;
create role service_role nologin inherit bypassrls;

-- Role-level timeouts as on hosted; PostgREST applies them per request (SET ROLE alone does not).
alter role anon set statement_timeout = '3s';
alter role authenticated set statement_timeout = '8s';

-- PostgREST logs in as authenticator: NOINHERIT, so it has no privileges until it switches role.
create role authenticator login noinherit password 'postgres';
grant anon, authenticated, service_role to authenticator;
alter role authenticator set statement_timeout = '8s';
alter role authenticator set lock_timeout = '8s';
-- As on hosted, a migration may configure the Data API with `alter role authenticator set pgrst.…`
-- (aggregates, tx end): postgres administers the role's settings but cannot become it.
grant authenticator to postgres with admin option, inherit false, set false;
grant set on parameter
  pgrst.db_aggregates_enabled, pgrst.db_plan_enabled, pgrst.db_tx_end, pgrst.db_max_rows, pgrst.db_schemas,
  pgrst.db_extra_search_path, pgrst.db_pre_request, pgrst.db_pre_config, pgrst.db_root_spec,
  pgrst.db_hoisted_tx_settings, pgrst.openapi_mode, pgrst.openapi_security_active,
  pgrst.openapi_server_proxy_uri, pgrst.jwt_role_claim_key, pgrst.server_cors_allowed_origins,
  pgrst.server_timing_enabled, pgrst.server_trace_header
  to postgres;

-- GoTrue logs in as supabase_auth_admin and owns the auth schema; its search_path is auth, so a
-- trigger on auth.users that is not SECURITY DEFINER runs as this role with unqualified names in auth.
create role supabase_auth_admin login noinherit createrole password 'postgres';
alter role supabase_auth_admin set search_path = auth;

-- Internal role that hosted projects have; migrations sometimes grant to it.
create role dashboard_user nologin createdb createrole replication;

-- As on hosted: postgres may act as the API roles, and manages auth tables' triggers and policies
-- through membership of supabase_auth_admin.
grant anon, authenticated, service_role to postgres;
grant supabase_auth_admin to postgres;
alter role postgres set search_path = "$user", public, extensions;
