-- user_profiles: one row per auth user, created by the signup trigger (next migration).
-- Columns, types and defaults are the seed guide's; answered_fields and completed_at are ours
-- (see docs/database.md). Every CHECK has a stable name: the app maps constraint names to field errors.

-- Helpers and trigger functions live in `private`, a schema the Data API does not expose
-- (hosted PostgREST serves only `public` and `graphql_public`).
create schema if not exists private;

revoke all on schema private from public;

-- The pure helpers below (array limits, the completion rule) are called from CHECK constraints and
-- from SECURITY INVOKER functions, so the API roles need to reach them. Nothing in `private` is
-- reachable over HTTP; each function still gets its own EXECUTE grant.
grant usage on schema private to authenticated, service_role;

-- True when every item is non-null, not blank and at most max_len characters, and there are at
-- most max_items of them. A CHECK cannot hold a subquery, hence a function.
create or replace function private.text_items_within(items text[], max_items integer, max_len integer)
returns boolean
language sql
immutable
parallel safe
set search_path = ''
as $$
  select items is null
    or (
      cardinality(items) <= max_items
      and not exists (
        select 1
        from unnest(items) as item
        where item is null
          or char_length(item) > max_len
          or item !~ '\S'
      )
    );
$$;

revoke all on function private.text_items_within(text[], integer, integer) from public, anon;
grant execute on function private.text_items_within(text[], integer, integer) to authenticated, service_role;

create table public.user_profiles (
  profile_id uuid primary key default gen_random_uuid(),
  user_id uuid not null references auth.users (id) on delete cascade,
  years_of_experience integer default 0,
  experience_level text default 'entry',
  education_level text default 'bachelors',
  field_of_study text,
  skills_technologies text[],
  work_arrangement_preference text default 'any',
  preferred_locations text[],
  salary_min integer,
  salary_max integer,
  salary_currency text default 'USD',
  profile_completed boolean default false,
  created_at timestamptz default now(),
  updated_at timestamptz default now(),
  -- Fields the person has confirmed by saving the wizard step that holds them. A default is not an
  -- answer: completion counts only fields listed here.
  answered_fields text[] not null default '{}',
  -- When the profile (last) became complete; null while incomplete. Maintained by a trigger.
  completed_at timestamptz,

  constraint user_profiles_user_id_key unique (user_id),
  constraint user_profiles_years_of_experience_range
    check (years_of_experience between 0 and 70),
  constraint user_profiles_experience_level_allowed
    check (experience_level in ('entry', 'junior', 'mid', 'senior', 'lead', 'executive')),
  constraint user_profiles_education_level_allowed
    check (education_level in ('high_school', 'associates', 'bachelors', 'masters', 'phd', 'other')),
  constraint user_profiles_field_of_study_length
    check (char_length(field_of_study) <= 120),
  constraint user_profiles_skills_technologies_items
    check (private.text_items_within(skills_technologies, 50, 50)),
  constraint user_profiles_work_arrangement_preference_allowed
    check (work_arrangement_preference in ('any', 'remote', 'hybrid', 'on_site')),
  constraint user_profiles_preferred_locations_items
    check (private.text_items_within(preferred_locations, 20, 100)),
  constraint user_profiles_salary_min_nonnegative
    check (salary_min >= 0),
  constraint user_profiles_salary_max_nonnegative
    check (salary_max >= 0),
  constraint user_profiles_salary_range_order
    check (salary_min <= salary_max),
  constraint user_profiles_salary_currency_format
    check (salary_currency ~ '^[A-Z]{3}$'),
  constraint user_profiles_answered_fields_known
    check (
      array_position(answered_fields, null) is null
      and answered_fields <@ array[
        'years_of_experience', 'experience_level', 'education_level', 'field_of_study',
        'skills_technologies', 'work_arrangement_preference', 'preferred_locations', 'salary_range'
      ]::text[]
    )
);

comment on table public.user_profiles is
  'One profile per auth user; created by the auth.users trigger, edited by its owner (RLS).';
comment on column public.user_profiles.answered_fields is
  'Completion field names the person confirmed (salary_range covers salary_min/max/currency).';
comment on column public.user_profiles.completed_at is
  'Set when the profile becomes complete, cleared when it stops being complete (trigger-maintained).';

-- RLS: a person sees and edits only their own row. `(select auth.uid())` is evaluated once per
-- statement (an initPlan), not once per row.
alter table public.user_profiles enable row level security;

create policy "Owners can read their profile"
  on public.user_profiles
  for select
  to authenticated
  using ((select auth.uid()) = user_id);

create policy "Owners can update their profile"
  on public.user_profiles
  for update
  to authenticated
  using ((select auth.uid()) = user_id)
  with check ((select auth.uid()) = user_id);

-- Grants are explicit: since the 2026 change new public tables get none. Revoke first so the
-- result is the same on projects that still have the old "grant all" default privileges.
revoke all on table public.user_profiles from public, anon, authenticated, service_role;

grant select on table public.user_profiles to authenticated;

-- Only what a person types in the wizard. Never ids, profile_completed, completed_at or timestamps:
-- those belong to the database. No INSERT/DELETE: the trigger creates, the FK cascade deletes.
grant update (
  years_of_experience,
  experience_level,
  education_level,
  field_of_study,
  skills_technologies,
  work_arrangement_preference,
  preferred_locations,
  salary_min,
  salary_max,
  salary_currency,
  answered_fields
) on table public.user_profiles to authenticated;

-- Server-side code (lib/profiles' fallback ensure, operations scripts). TRUNCATE is left out on
-- purpose: it would bypass the audit trigger.
grant select, insert, update, delete on table public.user_profiles to service_role;
