-- Two-factor sign-in (TOTP through Supabase Auth). A user who has a verified factor reaches their
-- data only with an aal2 session: a stolen password alone gives an aal1 session, which sees and
-- changes nothing here, whatever the app in front does. Users without a factor are unaffected.

-- True when the request's session meets the assurance its user needs. SECURITY DEFINER because
-- auth.mfa_factors is not readable by API roles; it answers only about the caller (auth.uid()).
-- It lives in `private` (not exposed over HTTP); policies need EXECUTE for `authenticated`.
create or replace function private.session_assurance_met()
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select coalesce((select auth.jwt()) ->> 'aal', '') = 'aal2'
    or not exists (
      select 1
      from auth.mfa_factors as f
      where f.user_id = (select auth.uid()) and f.status = 'verified'
    );
$$;

revoke all on function private.session_assurance_met() from public, anon;
grant execute on function private.session_assurance_met() to authenticated, service_role;

-- RESTRICTIVE: combined with AND on top of the owner policies, never widening them.
create policy "Two-factor users need an aal2 session"
  on public.user_profiles
  as restrictive
  for all
  to authenticated
  using ((select private.session_assurance_met()))
  with check ((select private.session_assurance_met()));

create policy "Two-factor users need an aal2 session"
  on public.user_profile_history
  as restrictive
  for select
  to authenticated
  using ((select private.session_assurance_met()));

-- The caller's own sign-in sessions, for "sign out of other devices" (supabase-js can end them but
-- not list them). The definer part stays in `private`; the exposed wrapper runs as the caller.
create or replace function private.own_sessions()
returns table (
  id uuid,
  signed_in_at timestamptz,
  last_active_at timestamptz,
  user_agent text,
  aal text,
  is_current boolean
)
language sql
stable
security definer
set search_path = ''
as $$
  select
    s.id,
    s.created_at,
    coalesce(s.refreshed_at at time zone 'utc', s.updated_at, s.created_at),
    s.user_agent,
    s.aal::text,
    s.id = nullif((select auth.jwt()) ->> 'session_id', '')::uuid
  from auth.sessions as s
  where s.user_id = (select auth.uid()) and (select private.session_assurance_met())
  order by s.created_at desc;
$$;

revoke all on function private.own_sessions() from public, anon;
grant execute on function private.own_sessions() to authenticated;

create or replace function public.my_sessions()
returns table (
  id uuid,
  signed_in_at timestamptz,
  last_active_at timestamptz,
  user_agent text,
  aal text,
  is_current boolean
)
language sql
stable
security invoker
set search_path = ''
as $$
  select * from private.own_sessions();
$$;

revoke all on function public.my_sessions() from public, anon;
grant execute on function public.my_sessions() to authenticated;

-- Admins with a verified factor need an aal2 session for the admin_* functions too. The body is the
-- live check of 20261202000100_admin_live_check.sql plus that one condition; keep them together.
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
  ) and (select private.session_assurance_met()) then
    return;
  end if;
  raise exception 'admin role required'
    using errcode = '42501', hint = 'The signed-in user must have app_metadata.role = admin (and aal2 with a factor).';
end;
$$;

revoke all on function private.assert_admin() from public, anon, authenticated, service_role;

-- Writers that run as SECURITY DEFINER (public.save_profile_step) bypass RLS, so the same rule is a
-- trigger too: a signed-in user's request may change a profile only with the assurance it needs.
-- Requests as service_role and direct database sessions (no JWT) are not affected.
create or replace function private.user_profiles_require_assurance()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if coalesce((select auth.jwt()) ->> 'role', '') = 'authenticated' and not (select private.session_assurance_met()) then
    raise exception 'two-factor sign-in required'
      using errcode = '42501', hint = 'This account has two-factor on: verify a code first (aal2).';
  end if;
  return coalesce(new, old);
end;
$$;

revoke all on function private.user_profiles_require_assurance() from public, anon, authenticated, service_role;

create trigger user_profiles_require_assurance
  before insert or update or delete on public.user_profiles
  for each row execute function private.user_profiles_require_assurance();
