-- The admin check reads the live auth.users row, not only the JWT. A JWT lives up to an hour after it
-- was issued: with the claim alone, a revoked admin (npm run admin:revoke), a deleted or banned one, or
-- one who signed out kept calling the admin_* functions until it expired. Now a grant or a revocation
-- counts at the next call.
--
-- Admitted: service_role (server code, scripts), and a user whose auth.users row has
-- app_metadata.role = 'admin' (app_metadata is writable only with the service key), is not deleted or
-- banned, and whose session (the JWT's session_id) still exists. Everybody else gets 42501 (REST: 403).
--
-- SECURITY DEFINER so the check can read auth.users and auth.sessions whoever calls it; EXECUTE stays
-- revoked from every API role (only the admin_* functions, themselves definers, call it).

create or replace function private.assert_admin()
returns void
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  claims jsonb := (select auth.jwt());
begin
  if coalesce(claims ->> 'role', '') = 'service_role' then
    return;
  end if;
  if exists (
    select 1
    from auth.users as u
    where u.id = (select auth.uid())
      and u.raw_app_meta_data ->> 'role' = 'admin'
      and u.deleted_at is null
      and (u.banned_until is null or u.banned_until <= now())
      and (
        coalesce(claims ->> 'session_id', '') = ''
        or exists (
          select 1 from auth.sessions as s where s.id::text = claims ->> 'session_id' and s.user_id = u.id
        )
      )
  ) then
    return;
  end if;
  raise exception 'admin role required'
    using errcode = '42501', hint = 'The signed-in user must have app_metadata.role = admin.';
end;
$$;

revoke all on function private.assert_admin() from public, anon, authenticated, service_role;
