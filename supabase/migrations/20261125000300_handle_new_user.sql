-- The signup trigger: when Supabase Auth (GoTrue) inserts into auth.users, create the profile in the
-- same transaction. If this fails, the signup fails as a whole ("500 unexpected_failure, Database
-- error saving new user") and no user is left behind without a profile.
--
-- Why it looks like this:
-- * GoTrue runs as supabase_auth_admin with search_path = auth, which may not write public tables:
--   SECURITY DEFINER runs the body as the owner instead.
-- * set search_path = '' plus schema-qualified names: nothing the caller's path holds can hijack or
--   break the lookup.
-- * The body is minimal: defaults live on the columns, and raw_user_meta_data (client-controlled)
--   is never read.
-- * It lives in `private`, which the Data API does not expose, and nobody may EXECUTE it directly.
-- * AFTER INSERT only. A trigger on UPDATE of auth.users would fire on every sign-in.

create or replace function private.handle_new_user()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  insert into public.user_profiles (user_id)
  values (new.id)
  on conflict (user_id) do nothing;
  return null;
end;
$$;

revoke all on function private.handle_new_user() from public, anon, authenticated, service_role;

create trigger on_auth_user_created
  after insert on auth.users
  for each row
  execute function private.handle_new_user();

-- Backfill: users that existed before the trigger get their profile now. Safe to race with new
-- signups (the trigger already exists in this transaction; on conflict skips duplicates).
insert into public.user_profiles (user_id)
select u.id
from auth.users as u
on conflict (user_id) do nothing;
