-- Roles of a hosted Supabase project (reference §C.3). Runs once, as the bootstrap superuser, on a
-- fresh data dir. Passwords are the CLI's local default ('postgres'): local only.

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

-- GoTrue logs in as supabase_auth_admin and owns the auth schema; its search_path is auth, so a
-- trigger on auth.users that is not SECURITY DEFINER runs as this role with unqualified names in auth.
create role supabase_auth_admin login noinherit createrole password 'postgres';
alter role supabase_auth_admin set search_path = auth;

-- Internal roles that hosted projects have; migrations sometimes grant to them.
create role supabase_admin nologin superuser createdb createrole replication bypassrls;
create role dashboard_user nologin createdb createrole replication;

-- postgres runs the user's migrations (as on hosted). Hosted lets it act as the API roles.
grant anon, authenticated, service_role to postgres;
alter role postgres set search_path = "$user", public, extensions;
