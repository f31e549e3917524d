-- Profile completion, defined once, in the database, so the wizard, the server and the admin
-- analytics agree. The rule (docs/database.md "Completion"):
--   a field counts when its name is in answered_fields (the person saved the wizard step holding
--   it) AND it has a value: years/levels/work arrangement not null, field_of_study not blank,
--   skills/locations at least one item, salary_range at least one of salary_min/salary_max.
--   Required (20 % each): years_of_experience, experience_level, education_level.
--   Optional (8 % each): field_of_study, skills_technologies, work_arrangement_preference,
--   preferred_locations, salary_range.
--   is_complete = all three required fields count. A fresh profile is 0 %, not 60 %.

-- One row per completion field, in the order the app lists them. The single source of the rule.
create or replace function private.profile_field_status(p public.user_profiles)
returns table (ord integer, field text, weight integer, required boolean, counts boolean)
language sql
immutable
parallel safe
set search_path = ''
as $$
  select
    f.ord,
    f.field,
    f.weight,
    f.required,
    coalesce(f.field = any (p.answered_fields) and f.has_value, false)
  from (
    values
      (1, 'years_of_experience', 20, true, p.years_of_experience is not null),
      (2, 'experience_level', 20, true, p.experience_level is not null),
      (3, 'education_level', 20, true, p.education_level is not null),
      (4, 'field_of_study', 8, false, p.field_of_study ~ '\S'),
      (5, 'skills_technologies', 8, false, cardinality(p.skills_technologies) >= 1),
      (6, 'work_arrangement_preference', 8, false, p.work_arrangement_preference is not null),
      (7, 'preferred_locations', 8, false, cardinality(p.preferred_locations) >= 1),
      (8, 'salary_range', 8, false, p.salary_min is not null or p.salary_max is not null)
  ) as f (ord, field, weight, required, has_value);
$$;

-- The rule applied to one row: percentage, missing fields (in field order), completeness.
create or replace function private.profile_completion(p public.user_profiles)
returns table (completion_percentage integer, missing_fields text[], is_complete boolean)
language sql
immutable
parallel safe
set search_path = ''
as $$
  select
    coalesce(sum(s.weight) filter (where s.counts), 0)::integer,
    coalesce(array_agg(s.field order by s.ord) filter (where not s.counts), '{}'::text[]),
    coalesce(bool_and(s.counts) filter (where s.required), false)
  from private.profile_field_status(p) as s;
$$;

-- Called by get_profile_completion (SECURITY INVOKER) and the row trigger, i.e. as the API roles.
revoke all on function private.profile_field_status(public.user_profiles) from public, anon;
revoke all on function private.profile_completion(public.user_profiles) from public, anon;
grant execute on function private.profile_field_status(public.user_profiles) to authenticated, service_role;
grant execute on function private.profile_completion(public.user_profiles) to authenticated, service_role;

-- The RPC the app calls: `.rpc('get_profile_completion')` for oneself, or with p_user_id.
-- SECURITY INVOKER: RLS decides whose profile is visible (owner only; service_role all). Returns
-- null when no visible profile exists for that user.
create or replace function public.get_profile_completion(p_user_id uuid default auth.uid())
returns json
language sql
stable
security invoker
set search_path = ''
as $$
  select json_build_object(
    'completion_percentage', c.completion_percentage,
    'missing_fields', c.missing_fields,
    'is_complete', c.is_complete
  )
  from public.user_profiles as p
  cross join lateral private.profile_completion(p) as c
  where p.user_id = p_user_id;
$$;

revoke all on function public.get_profile_completion(uuid) from public, anon, authenticated, service_role;
grant execute on function public.get_profile_completion(uuid) to authenticated, service_role;

-- Database-owned columns, derived on every write so no client can set them:
--   profile_completed / completed_at follow the completion rule (completed_at keeps the moment the
--   profile became complete while it stays complete; an import may supply it on INSERT);
--   created_at never changes; updated_at moves only when something actually changed.
-- SECURITY INVOKER on purpose: it only touches NEW and calls the rule above.
create or replace function private.user_profiles_derive()
returns trigger
language plpgsql
set search_path = ''
as $$
declare
  complete boolean;
begin
  select c.is_complete into complete from private.profile_completion(new) as c;
  new.profile_completed := complete;

  if not complete then
    new.completed_at := null;
  elsif tg_op = 'INSERT' then
    new.completed_at := coalesce(new.completed_at, now());
  elsif old.profile_completed and old.completed_at is not null then
    new.completed_at := old.completed_at;
  else
    new.completed_at := now();
  end if;

  if tg_op = 'UPDATE' then
    new.created_at := old.created_at;
    new.updated_at := old.updated_at;
    if new is distinct from old then
      new.updated_at := now();
    end if;
  end if;

  return new;
end;
$$;

revoke all on function private.user_profiles_derive() from public, anon, authenticated, service_role;

create trigger user_profiles_derive
  before insert or update on public.user_profiles
  for each row
  execute function private.user_profiles_derive();
