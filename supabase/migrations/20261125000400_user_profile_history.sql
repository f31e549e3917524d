-- Audit trail: one row per changed column per UPDATE of a profile (none for a no-op update),
-- written only by a trigger. Owners read their own history; nobody writes it through the API.

create table public.user_profile_history (
  id bigint generated always as identity primary key,
  profile_id uuid not null references public.user_profiles (profile_id) on delete cascade,
  user_id uuid not null references auth.users (id) on delete cascade,
  -- A user_profiles column name (salary_min, not salary_range: the trail records storage).
  field text not null,
  old_value jsonb,
  new_value jsonb,
  -- auth.uid() of the person who made the change; null for service_role and system writes.
  -- No FK: the trail must survive the deletion of an admin who edited someone else's profile.
  changed_by uuid,
  changed_at timestamptz not null default now()
);

comment on table public.user_profile_history is
  'Append-only audit trail of user_profiles changes, written by a trigger.';

create index user_profile_history_user_id_changed_at_idx
  on public.user_profile_history (user_id, changed_at desc);
create index user_profile_history_profile_id_idx
  on public.user_profile_history (profile_id);

alter table public.user_profile_history enable row level security;

create policy "Owners can read their profile history"
  on public.user_profile_history
  for select
  to authenticated
  using ((select auth.uid()) = user_id);

-- Read-only for everyone reachable through the API: the trigger (owner rights) is the only writer.
revoke all on table public.user_profile_history from public, anon, authenticated, service_role;
grant select on table public.user_profile_history to authenticated, service_role;

-- SECURITY DEFINER because the people whose update fires it have no INSERT on the history table.
-- updated_at is skipped: it changes with every real change and would only add noise.
create or replace function private.record_profile_changes()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  insert into public.user_profile_history (profile_id, user_id, field, old_value, new_value, changed_by)
  select new.profile_id, new.user_id, n.key, o.value, n.value, (select auth.uid())
  from jsonb_each(to_jsonb(new)) as n
  join jsonb_each(to_jsonb(old)) as o on o.key = n.key
  where n.key <> 'updated_at'
    and n.value is distinct from o.value;
  return null;
end;
$$;

revoke all on function private.record_profile_changes() from public, anon, authenticated, service_role;

create trigger user_profiles_record_changes
  after update on public.user_profiles
  for each row
  execute function private.record_profile_changes();
