-- Admin analytics for the dashboard. Admins are users whose JWT carries app_metadata.role = 'admin'
-- (app_metadata is writable only with the service key; user_metadata is client-writable and never
-- trusted). service_role (server code, scripts) is admitted too.
--
-- Design: the admin_* functions live in `public` so the app reaches them with `.rpc()`. They are
-- SECURITY DEFINER because they must read auth.users (totals, orphans, sign-ups), which API roles
-- cannot. Each one's first statement is `perform private.assert_admin()`, which raises 42501
-- (PostgREST: 403) for everybody else; anon cannot EXECUTE them at all. The advisor-style lint in
-- supabase/tests checks exactly this shape.

create or replace function private.assert_admin()
returns void
language plpgsql
stable
set search_path = ''
as $$
begin
  if coalesce((select auth.jwt()) -> 'app_metadata' ->> 'role', '') = 'admin'
    or coalesce((select auth.jwt()) ->> 'role', '') = 'service_role' then
    return;
  end if;
  raise exception 'admin role required'
    using errcode = '42501', hint = 'The JWT must carry app_metadata.role = admin.';
end;
$$;

-- The wizard's steps and the completion fields each one saves (lib/onboarding mirrors this list).
create or replace function private.wizard_steps()
returns table (ord integer, step text, fields text[])
language sql
immutable
parallel safe
set search_path = ''
as $$
  values
    (1, 'experience', array['years_of_experience', 'experience_level']::text[]),
    (2, 'education', array['education_level', 'field_of_study']::text[]),
    (3, 'skills', array['skills_technologies']::text[]),
    (4, 'preferences', array['work_arrangement_preference', 'preferred_locations']::text[]),
    (5, 'salary', array['salary_range']::text[]);
$$;

-- A person "is at" the first step whose fields are not all answered; 'done' after the last one.
create or replace function private.profile_wizard_step(answered text[])
returns text
language sql
immutable
parallel safe
set search_path = ''
as $$
  select coalesce(
    (
      select s.step
      from private.wizard_steps() as s
      where not (s.fields <@ coalesce(answered, '{}'::text[]))
      order by s.ord
      limit 1
    ),
    'done'
  );
$$;

-- "alice@example.com" -> "a***@example.com"; the dashboard never shows whole addresses.
create or replace function private.mask_email(email text)
returns text
language sql
immutable
parallel safe
set search_path = ''
as $$
  select case
    when email is null or position('@' in email) = 0 then null
    else left(substring(email from '^(.*)@[^@]*$'), 1) || '***@' || substring(email from '@([^@]*)$')
  end;
$$;

revoke all on function private.assert_admin() from public, anon, authenticated, service_role;
revoke all on function private.wizard_steps() from public, anon, authenticated, service_role;
revoke all on function private.profile_wizard_step(text[]) from public, anon, authenticated, service_role;
revoke all on function private.mask_email(text) from public, anon, authenticated, service_role;

-- Totals. orphan_users (auth users without a profile) must stay 0: the trigger guarantees it.
create or replace function public.admin_profile_totals()
returns table (
  total_users bigint,
  total_profiles bigint,
  orphan_users bigint,
  completed_profiles bigint,
  average_completion numeric
)
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  perform private.assert_admin();
  return query
  select
    (select count(*) from auth.users),
    (select count(*) from public.user_profiles),
    (
      select count(*)
      from auth.users as u
      where not exists (select 1 from public.user_profiles as p where p.user_id = u.id)
    ),
    (select count(*) from public.user_profiles as p where p.profile_completed),
    (
      select coalesce(round(avg(c.completion_percentage), 1), 0)
      from public.user_profiles as p
      cross join lateral private.profile_completion(p) as c
    );
end;
$$;

-- Profiles per completion bucket: 0-9, 10-19, ..., 90-99, and 100 on its own. Empty buckets included.
create or replace function public.admin_completion_distribution()
returns table (bucket_from integer, bucket_to integer, profiles bigint)
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  perform private.assert_admin();
  return query
  with pct as (
    select c.completion_percentage as value
    from public.user_profiles as p
    cross join lateral private.profile_completion(p) as c
  ),
  buckets as (
    select b as bucket_from, case when b = 100 then 100 else b + 9 end as bucket_to
    from generate_series(0, 100, 10) as b
  )
  select b.bucket_from, b.bucket_to, count(pct.value)
  from buckets as b
  left join pct on pct.value between b.bucket_from and b.bucket_to
  group by b.bucket_from, b.bucket_to
  order by b.bucket_from;
end;
$$;

-- Per completion field: how many profiles have it counting (answered and with a value).
create or replace function public.admin_field_answer_rates()
returns table (field text, answered bigint, profiles bigint, answered_percentage numeric)
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  perform private.assert_admin();
  return query
  with stats as (
    select s.field, count(*) filter (where s.counts) as answered, count(*) as profiles
    from public.user_profiles as p
    cross join lateral private.profile_field_status(p) as s
    group by s.field
  )
  -- The field list comes from the rule itself (called on an empty row), so no field is missing
  -- when there are no profiles yet.
  select
    f.field,
    coalesce(st.answered, 0),
    coalesce(st.profiles, 0),
    coalesce(round(100.0 * st.answered / nullif(st.profiles, 0), 1), 0)
  from private.profile_field_status(null::public.user_profiles) as f
  left join stats as st on st.field = f.field
  order by f.ord;
end;
$$;

-- Users per wizard step (the step they are at), in wizard order, then 'done'.
create or replace function public.admin_wizard_steps()
returns table (step text, users bigint)
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  perform private.assert_admin();
  return query
  with steps as (
    select s.ord, s.step from private.wizard_steps() as s
    union all
    select 6, 'done'
  ),
  at_step as (
    select private.profile_wizard_step(p.answered_fields) as step
    from public.user_profiles as p
  )
  select s.step, count(a.step)
  from steps as s
  left join at_step as a on a.step = s.step
  group by s.ord, s.step
  order by s.ord;
end;
$$;

-- Profiles whose current completion happened on each UTC day of the last p_days days (zeros
-- included, oldest first). A profile that lost and regained completeness counts on the last day.
create or replace function public.admin_completions_per_day(p_days integer default 30)
returns table (day date, completions bigint)
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  perform private.assert_admin();
  if p_days is null or p_days not between 1 and 366 then
    raise exception 'p_days must be between 1 and 366' using errcode = '22023';
  end if;
  return query
  with days as (
    select ((now() at time zone 'utc')::date - g) as day
    from generate_series(0, p_days - 1) as g
  )
  select d.day, count(p.profile_id)
  from days as d
  left join public.user_profiles as p
    on p.completed_at is not null
    and (p.completed_at at time zone 'utc')::date = d.day
  group by d.day
  order by d.day;
end;
$$;

-- The newest sign-ups with masked emails and where they are; profile columns are null for an
-- orphan (a user without a profile), which the dashboard should flag.
create or replace function public.admin_recent_signups(p_limit integer default 20)
returns table (
  user_id uuid,
  email_masked text,
  signed_up_at timestamptz,
  has_profile boolean,
  completion_percentage integer,
  is_complete boolean,
  wizard_step text
)
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  perform private.assert_admin();
  if p_limit is null or p_limit not between 1 and 100 then
    raise exception 'p_limit must be between 1 and 100' using errcode = '22023';
  end if;
  return query
  select
    u.id,
    private.mask_email(u.email::text),
    u.created_at,
    p.profile_id is not null,
    c.completion_percentage,
    c.is_complete,
    case when p.profile_id is not null then private.profile_wizard_step(p.answered_fields) end
  from auth.users as u
  left join public.user_profiles as p on p.user_id = u.id
  left join lateral private.profile_completion(p) as c on p.profile_id is not null
  order by u.created_at desc nulls last, u.id
  limit p_limit;
end;
$$;

-- anon: nothing. authenticated: may call, and assert_admin() decides. service_role: admitted.
revoke all on function public.admin_profile_totals() from public, anon, authenticated, service_role;
revoke all on function public.admin_completion_distribution() from public, anon, authenticated, service_role;
revoke all on function public.admin_field_answer_rates() from public, anon, authenticated, service_role;
revoke all on function public.admin_wizard_steps() from public, anon, authenticated, service_role;
revoke all on function public.admin_completions_per_day(integer) from public, anon, authenticated, service_role;
revoke all on function public.admin_recent_signups(integer) from public, anon, authenticated, service_role;

grant execute on function public.admin_profile_totals() to authenticated, service_role;
grant execute on function public.admin_completion_distribution() to authenticated, service_role;
grant execute on function public.admin_field_answer_rates() to authenticated, service_role;
grant execute on function public.admin_wizard_steps() to authenticated, service_role;
grant execute on function public.admin_completions_per_day(integer) to authenticated, service_role;
grant execute on function public.admin_recent_signups(integer) to authenticated, service_role;
