-- The dashboard's recent sign-ups: add the person's name (user_metadata.full_name, asked at sign-up)
-- and mask addresses so two accounts stay distinguishable. The first mask kept one character, so
-- every "user…@example.com" read "u***@example.com"; now the last characters of the local part show
-- too ("alice.smith@example.com" -> "a***th@example.com"), still never the whole address.

create or replace function private.mask_email(email text)
returns text
language sql
immutable
parallel safe
set search_path = ''
as $$
  with parts as (
    select substring(email from '^(.*)@[^@]*$') as local, substring(email from '@([^@]*)$') as domain
  )
  select case
    when email is null or position('@' in email) = 0 then null
    -- Short local parts show only their first character: more would give most of it away.
    when char_length(p.local) <= 3 then left(p.local, 1) || '***@' || p.domain
    when char_length(p.local) <= 5 then left(p.local, 1) || '***' || right(p.local, 1) || '@' || p.domain
    else left(p.local, 1) || '***' || right(p.local, 2) || '@' || p.domain
  end
  from parts as p;
$$;

revoke all on function private.mask_email(text) from public, anon, authenticated, service_role;

-- The return type gains a column, which CREATE OR REPLACE cannot do: drop and recreate.
drop function public.admin_recent_signups(integer);

create function public.admin_recent_signups(p_limit integer default 20)
returns table (
  user_id uuid,
  full_name text,
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
    -- Display only: the person writes their own user_metadata, so this is shown, never trusted.
    nullif(btrim(u.raw_user_meta_data ->> 'full_name'), ''),
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

revoke all on function public.admin_recent_signups(integer) from public, anon, authenticated, service_role;
grant execute on function public.admin_recent_signups(integer) to authenticated, service_role;
