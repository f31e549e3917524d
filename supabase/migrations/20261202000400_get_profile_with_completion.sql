-- One read for the pages that show a profile with its completion (every wizard step, the profile
-- page, the step a save redirects to): the row and completion_percentage, missing_fields and
-- is_complete in one round trip, the same shape save_profile_step answers with.
-- SECURITY INVOKER: RLS decides whose row is visible (the owner only; service_role all). Null when
-- no visible profile exists for that user.
create or replace function public.get_profile_with_completion(p_user_id uuid default auth.uid())
returns jsonb
language sql
stable
security invoker
set search_path = ''
as $$
  select to_jsonb(p) || to_jsonb(c)
  from public.user_profiles as p
  cross join lateral private.profile_completion(p) as c
  where p.user_id = p_user_id;
$$;

revoke all on function public.get_profile_with_completion(uuid) from public, anon, authenticated, service_role;
grant execute on function public.get_profile_with_completion(uuid) to authenticated, service_role;
