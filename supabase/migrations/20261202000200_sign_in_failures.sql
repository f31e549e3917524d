-- A limit on failed password sign-ins per account (per email address, whatever IP they come from):
-- Auth limits per client IP, which does nothing against credential stuffing spread over many IPs.
-- Kept in Postgres so it holds across serverless instances and restarts.
--
-- Policy: 10 failures within 15 minutes lock the address for 15 minutes. Unknown addresses are counted
-- exactly like existing ones (the app calls these functions before it knows which it is), so the lock
-- reveals nothing about who has an account. Addresses are stored as SHA-256 hashes of the trimmed,
-- lower-cased address: the table does not become a list of the addresses strangers typed.
--
-- The app's server calls the three functions with the service key (sign-in is not a signed-in
-- action); no API role can read or write the table, and anon / authenticated cannot execute them.

create table private.sign_in_failures (
  email_hash text primary key,
  -- Failures in the current window.
  failures integer not null default 0 check (failures >= 0),
  window_started_at timestamptz not null default now(),
  locked_until timestamptz
);

comment on table private.sign_in_failures is
  'Failed password sign-ins per email address (sha256), for the per-account limit. Written only by the sign-in functions.';

create index sign_in_failures_window_idx on private.sign_in_failures (window_started_at);

alter table private.sign_in_failures enable row level security;
revoke all on table private.sign_in_failures from public, anon, authenticated, service_role;

create or replace function private.sign_in_email_hash(p_email text)
returns text
language sql
immutable
parallel safe
set search_path = ''
as $$
  select encode(sha256(convert_to(lower(btrim(coalesce(p_email, ''))), 'UTF8')), 'hex');
$$;

revoke all on function private.sign_in_email_hash(text) from public, anon, authenticated, service_role;

-- Seconds until the address may try again; 0 when it is not locked.
create or replace function public.sign_in_lock_seconds(p_email text)
returns integer
language sql
stable
security definer
set search_path = ''
as $$
  select coalesce(
    (
      select greatest(0, ceil(extract(epoch from f.locked_until - now())))::integer
      from private.sign_in_failures as f
      where f.email_hash = private.sign_in_email_hash(p_email) and f.locked_until > now()
    ),
    0
  );
$$;

-- Counts one failure; returns the seconds of the lock it starts (0 when it starts none). Atomic: two
-- concurrent failures for one address are both counted.
create or replace function public.record_sign_in_failure(p_email text)
returns integer
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  max_failures constant integer := 10;
  window_length constant interval := interval '15 minutes';
  lock_length constant interval := interval '15 minutes';
  key constant text := private.sign_in_email_hash(p_email);
  counted integer;
begin
  insert into private.sign_in_failures as f (email_hash, failures, window_started_at)
  values (key, 1, now())
  on conflict (email_hash) do update
    set failures = case when f.window_started_at <= now() - window_length then 1 else f.failures + 1 end,
        window_started_at = case when f.window_started_at <= now() - window_length then now() else f.window_started_at end
  returning f.failures into counted;

  -- Rows of addresses nobody has tried for a day are of no use any more; sweep now and then.
  if random() < 0.01 then
    delete from private.sign_in_failures
    where window_started_at < now() - interval '1 day' and (locked_until is null or locked_until < now());
  end if;

  if counted < max_failures then
    return 0;
  end if;
  update private.sign_in_failures
  set locked_until = now() + lock_length, failures = 0, window_started_at = now()
  where email_hash = key;
  return extract(epoch from lock_length)::integer;
end;
$$;

-- A successful sign-in forgets the failures.
create or replace function public.clear_sign_in_failures(p_email text)
returns void
language sql
volatile
security definer
set search_path = ''
as $$
  delete from private.sign_in_failures where email_hash = private.sign_in_email_hash(p_email);
$$;

revoke all on function public.sign_in_lock_seconds(text) from public, anon, authenticated;
revoke all on function public.record_sign_in_failure(text) from public, anon, authenticated;
revoke all on function public.clear_sign_in_failures(text) from public, anon, authenticated;
grant execute on function public.sign_in_lock_seconds(text) to service_role;
grant execute on function public.record_sign_in_failure(text) to service_role;
grant execute on function public.clear_sign_in_failures(text) to service_role;
