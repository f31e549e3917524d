-- One write for wizard answers: public.save_profile_step(step, values) writes a step's columns and
-- records the fields it answers in one statement, so two saves cannot race on answered_fields and
-- nobody can mark a field answered without going through it.
--
-- Decision: SECURITY DEFINER with search_path = ''. answered_fields and skipped_fields lose every
-- API grant below, so a function running as the caller could not write them. The body is therefore
-- written to act only on the caller's own row (`(select auth.uid())`; service_role may name a user)
-- and only on the columns of the step it is given (the step list below, not the caller, decides).

-- Fields the person moved past with "Skip for now" (a subset of answered_fields). A field saved
-- empty on purpose (a blank field of study, a cleared skill list) is answered, not skipped.
alter table public.user_profiles
  add column skipped_fields text[] not null default '{}',
  add constraint user_profiles_skipped_fields_known
    check (array_position(skipped_fields, null) is null and skipped_fields <@ answered_fields);

comment on column public.user_profiles.skipped_fields is
  'Completion field names the person skipped (always also in answered_fields).';

-- Neither bookkeeping column is writable through the Data API: only save_profile_step writes them.
revoke update (answered_fields) on table public.user_profiles from authenticated;

-- The columns a completion field is stored in (salary_range covers the three salary columns).
create or replace function private.completion_field_columns(field text)
returns text[]
language sql
immutable
parallel safe
set search_path = ''
as $$
  select case field
    when 'salary_range' then array['salary_min', 'salary_max', 'salary_currency']::text[]
    else array[field]::text[]
  end;
$$;

revoke all on function private.completion_field_columns(text) from public, anon, authenticated, service_role;

-- p_values: {column: value} for some or all of the step's columns; each one given is written and
-- its completion field is marked answered (and no longer skipped). A key that is not one of the
-- step's columns is refused. p_values null = "Skip for now": the step's fields not answered before
-- are cleared (the currency keeps its value: alone it is no answer) and marked answered + skipped;
-- a step that asks for a required field cannot be skipped.
-- Returns the row as the app reads it, with completion_percentage, missing_fields and is_complete.
create or replace function public.save_profile_step(p_step text, p_values jsonb, p_user_id uuid default null)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  caller uuid := (select auth.uid());
  target uuid;
  step_fields text[];
  step_columns text[];
  given text[];
  written text[];
  fields text[];
  skipping boolean := p_values is null or jsonb_typeof(p_values) = 'null';
  result jsonb;
begin
  if coalesce((select auth.jwt()) ->> 'role', '') = 'service_role' then
    target := coalesce(p_user_id, caller);
  elsif caller is null then
    raise exception 'sign in to save answers' using errcode = '42501';
  elsif p_user_id is not null and p_user_id <> caller then
    raise exception 'a profile can only be saved by its owner' using errcode = '42501';
  else
    target := caller;
  end if;

  select s.fields into step_fields from private.wizard_steps() as s where s.step = p_step;
  if step_fields is null then
    raise exception 'unknown wizard step: %', p_step using errcode = '22023';
  end if;
  select array_agg(c order by c) into step_columns
  from unnest(step_fields) as f, unnest(private.completion_field_columns(f)) as c;

  if skipping then
    -- Only steps without a required field may be skipped (the completion rule says which are).
    if exists (
      select 1 from private.profile_field_status(null::public.user_profiles) as s
      where s.required and s.field = any (step_fields)
    ) then
      raise exception 'step % asks for a required field and cannot be skipped', p_step using errcode = '22023';
    end if;
    select coalesce(array_agg(f), '{}') into fields
    from unnest(step_fields) as f
    where not exists (select 1 from public.user_profiles as p where p.user_id = target and f = any (p.answered_fields));
    select coalesce(array_agg(c), '{}') into written
    from unnest(fields) as f, unnest(private.completion_field_columns(f)) as c
    where c <> 'salary_currency';
  else
    if jsonb_typeof(p_values) <> 'object' then
      raise exception 'values must be a JSON object' using errcode = '22023';
    end if;
    select coalesce(array_agg(k order by k), '{}') into given from jsonb_object_keys(p_values) as k;
    if not given <@ step_columns then
      raise exception 'not a column of step %: %', p_step, array_to_string(
        array(select g from unnest(given) as g where g <> all (step_columns)), ', ')
        using errcode = '22023';
    end if;
    written := given;
    select coalesce(array_agg(f), '{}') into fields
    from unnest(step_fields) as f
    where private.completion_field_columns(f) && given;
  end if;

  -- Column names come from the step list above (never from the caller), quoted all the same.
  -- Skipped columns are cleared: jsonb_populate_record of '{}' gives nulls.
  execute format(
    $sql$
      update public.user_profiles as p
      set %s
        answered_fields = array(select distinct f from unnest(p.answered_fields || $2) as f),
        skipped_fields = case
          when $3 then array(select distinct f from unnest(p.skipped_fields || $2) as f)
          else array(select f from unnest(p.skipped_fields) as f where f <> all ($2))
        end
      from jsonb_populate_record(null::public.user_profiles, $1) as v
      where p.user_id = $4
      returning to_jsonb(p) || (select to_jsonb(c) from private.profile_completion(p) as c)
    $sql$,
    (select coalesce(string_agg(format('%1$I = v.%1$I,', c), ' '), '') from unnest(written) as c)
  )
  into result
  using case when skipping then '{}'::jsonb else p_values end, fields, skipping, target;

  if result is null then
    raise exception 'no profile for this user' using errcode = 'P0002';
  end if;
  return result;
end;
$$;

revoke all on function public.save_profile_step(text, jsonb, uuid) from public, anon, authenticated, service_role;
grant execute on function public.save_profile_step(text, jsonb, uuid) to authenticated, service_role;
