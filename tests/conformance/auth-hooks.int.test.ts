/**
 * The custom access token hook as a project sets it up (`[auth.hook.custom_access_token]` with a
 * `pg-functions://` URI, the function granted to supabase_auth_admin): it sees GoTrue's event and its
 * answer is what gets signed, at sign-in and at every refresh; an error it returns, a claim set it
 * breaks, or a function Auth may not run fails the sign-in with GoTrue's answer and starts no session.
 * Covered by a second Auth service with the hook on (local stack only).
 */
import { createClient } from "@supabase/supabase-js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { confirmedUser, decodeClaims, PASSWORD, withDb } from "./auth-support";
import { startLocalAuth, type LocalAuth } from "./auth-local-instance";

const HOOK = "public.auth_conformance_access_token_hook";
let local: LocalAuth;

/** Replaces the hook's body (plpgsql over `event`), granted as a project grants it. */
async function hookBody(body: string, grant = true): Promise<void> {
  await withDb(async (db) => {
    await db.query(
      `create or replace function ${HOOK}(event jsonb) returns jsonb language plpgsql as $$ begin ${body} end $$`,
    );
    await db.query(`revoke all on function ${HOOK}(jsonb) from public, anon, authenticated`);
    await db.query(
      grant
        ? `grant execute on function ${HOOK}(jsonb) to supabase_auth_admin`
        : `revoke execute on function ${HOOK}(jsonb) from supabase_auth_admin`,
    );
  });
}

beforeAll(async () => {
  await withDb(async (db) => {
    await db.query(`create table if not exists public.auth_conformance_hook_events (event jsonb not null)`);
    await db.query(`grant usage on schema public to supabase_auth_admin`);
    await db.query(`grant insert on public.auth_conformance_hook_events to supabase_auth_admin`);
  });
  local = await startLocalAuth(
    `[auth.hook.custom_access_token]\nenabled = true\nuri = "pg-functions://postgres/public/auth_conformance_access_token_hook"\n`,
  );
});
afterAll(async () => {
  await local?.close();
  await withDb(async (db) => {
    await db.query(`drop function if exists ${HOOK}(jsonb)`);
    await db.query(`drop table if exists public.auth_conformance_hook_events`);
  });
});

function client() {
  return createClient(local.url, process.env.SUPABASE_ANON_KEY ?? "", {
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
  });
}

async function sessions(userId: string): Promise<number> {
  return withDb(
    async (db) =>
      (await db.query<{ n: number }>(`select count(*)::int as n from auth.sessions where user_id = $1`, [userId]))
        .rows[0]?.n ?? 0,
  );
}

describe("the custom access token hook", () => {
  it("sees GoTrue's event and adds a claim at sign-in and at refresh", async () => {
    await hookBody(`
      insert into public.auth_conformance_hook_events values (event);
      return jsonb_build_object('claims', event->'claims' || jsonb_build_object('user_role', 'editor'));`);
    const { email, id } = await confirmedUser("hook");
    const supabase = client();
    const { data, error } = await supabase.auth.signInWithPassword({ email, password: PASSWORD });
    expect(error).toBeNull();
    const claims = decodeClaims(data.session?.access_token ?? "");
    expect(claims).toMatchObject({ sub: id, email, role: "authenticated", user_role: "editor" });

    const refreshed = await supabase.auth.refreshSession({ refresh_token: data.session?.refresh_token ?? "" });
    expect(decodeClaims(refreshed.data.session?.access_token ?? "").user_role).toBe("editor");

    const events = await withDb(async (db) =>
      (
        await db.query<{ event: Record<string, unknown> }>(
          `select event from public.auth_conformance_hook_events where event->>'user_id' = $1`,
          [id],
        )
      ).rows.map((row) => row.event),
    );
    expect(events.map((event) => event.authentication_method)).toEqual(["password", "token_refresh"]);
    expect(events[0]).toMatchObject({
      user_id: id,
      metadata: { name: "customize-access-token", uuid: expect.any(String), time: expect.any(String) },
      claims: { sub: id, aud: "authenticated", email, aal: "aal1", is_anonymous: false, session_id: claims.session_id },
    });
    expect(events[0]?.claims).not.toHaveProperty("user_role");
  });

  it("an error it returns is the answer (its status and message), and no session starts", async () => {
    await hookBody(
      `return jsonb_build_object('error', jsonb_build_object('http_code', 403, 'message', 'Sign-ins are paused'));`,
    );
    const { email, id } = await confirmedUser("hook-error");
    const { data, error } = await client().auth.signInWithPassword({ email, password: PASSWORD });
    expect(data.session).toBeNull();
    expect(error?.status).toBe(403);
    expect(error?.message).toBe("Sign-ins are paused");
    expect(await sessions(id)).toBe(0);
  });

  it("claims missing what GoTrue needs: 500 naming the schema problem, no session", async () => {
    await hookBody(`return jsonb_build_object('claims', (event->'claims') - 'session_id');`);
    const { email, id } = await confirmedUser("hook-schema");
    const { error } = await client().auth.signInWithPassword({ email, password: PASSWORD });
    expect(error?.status).toBe(500);
    expect(error?.message).toBe(
      "output claims do not conform to the expected schema: \n- (root): session_id is required\n",
    );
    expect(await sessions(id)).toBe(0);
  });

  it("a function Auth may not execute: 500 Error running hook URI, no session", async () => {
    await hookBody(`return event;`, false);
    const { email, id } = await confirmedUser("hook-grant");
    const { error } = await client().auth.signInWithPassword({ email, password: PASSWORD });
    expect(error?.status).toBe(500);
    expect(error?.message).toBe(
      "Error running hook URI: pg-functions://postgres/public/auth_conformance_access_token_hook",
    );
    expect(await sessions(id)).toBe(0);
  });
});

describe("hook settings", () => {
  it.each([
    [
      "an HTTP hook",
      `[auth.hook.custom_access_token]\nenabled = true\nuri = "https://example.com/hook"\n`,
      /only pg-functions/,
    ],
    [
      "a hook this stack does not run",
      `[auth.hook.send_email]\nenabled = true\nuri = "pg-functions://postgres/public/f"\n`,
      /not emulated/,
    ],
  ])("%s refuses to start instead of being ignored", async (_name, overlay, message) => {
    await expect(startLocalAuth(overlay)).rejects.toThrow(message);
  });
});
