-- Grants and default privileges of a hosted project AFTER the 2026 change: the API
-- roles may use schema public, but tables, sequences and functions that postgres creates there get
-- NO automatic grants to anon/authenticated/service_role — migrations must GRANT explicitly.

grant usage on schema public to postgres, anon, authenticated, service_role;
grant all on schema public to postgres;
-- The database belongs to postgres, so postgres owns schema public (pg_database_owner), as on hosted.
alter database postgres owner to postgres;

-- State these explicitly (they are also PostgreSQL's defaults) so the intent is on record.
alter default privileges for role postgres in schema public
  revoke all on tables from anon, authenticated, service_role;
alter default privileges for role postgres in schema public
  revoke all on sequences from anon, authenticated, service_role;
alter default privileges for role postgres in schema public
  revoke execute on functions from anon, authenticated, service_role;

-- What hosted's "demote postgres" migration grants it on the platform schemas.
grant all on schema auth, extensions to postgres;
grant all on all tables in schema auth to dashboard_user, postgres;
grant all on all sequences in schema auth to dashboard_user, postgres;
grant all on all routines in schema auth to dashboard_user, postgres;
grant all on all tables in schema extensions to postgres;
grant all on all sequences in schema extensions to postgres;
grant all on all routines in schema extensions to postgres;
alter schema supabase_migrations owner to postgres;
alter table supabase_migrations.schema_migrations owner to postgres;
