/**
 * Row-level security and roles through REST: the anon / user A / user B / service_role matrix on an
 * own-row table and an anon-readable table, the request settings a policy can read, JWT failures,
 * the sb_ keys, schema reloads on NOTIFY and the OpenAPI root.
 */
import { createClient } from "@supabase/supabase-js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signJwt } from "@/supabase/local/jwt";
import {
  anonClient,
  createUser,
  deleteUser,
  dropFixtures,
  env,
  loadFixtures,
  rest,
  serviceClient,
  sql,
  tokenClient,
  type TestUser,
} from "./rest-support";

const SECRET = process.env.SUPABASE_JWT_SECRET ?? "super-secret-jwt-token-with-at-least-32-characters-long";

let a: TestUser;
let b: TestUser;

beforeAll(async () => {
  await loadFixtures();
  [a, b] = await Promise.all([createUser("a"), createUser("b")]);
  await sql("insert into public.rest_notes (id, user_id, body) values (1, $1, 'a1'), (2, $1, 'a2'), (3, $2, 'b1')", [
    a.id,
    b.id,
  ]);
  await sql("select setval(pg_get_serial_sequence('public.rest_notes', 'id'), 100)");
});

afterAll(async () => {
  await dropFixtures();
  await Promise.all([deleteUser(a), deleteUser(b)]);
});

const noteBodies = async () =>
  (await sql<{ body: string }>("select body from public.rest_notes order by id")).map((r) => r.body);

describe("own-row table: select", () => {
  it("anon is refused with 401 42501 (no grant)", async () => {
    const { error, status } = await anonClient().from("rest_notes").select("*");
    expect(status).toBe(401);
    expect(error).toMatchObject({ code: "42501", message: "permission denied for table rest_notes" });
  });

  it("users see only their own rows; service_role sees all", async () => {
    expect((await a.client.from("rest_notes").select("body").order("id")).data).toEqual([
      { body: "a1" },
      { body: "a2" },
    ]);
    expect((await b.client.from("rest_notes").select("body")).data).toEqual([{ body: "b1" }]);
    expect((await serviceClient().from("rest_notes").select("body").order("id")).data).toEqual([
      { body: "a1" },
      { body: "a2" },
      { body: "b1" },
    ]);
  });
});

describe("own-row table: insert", () => {
  it("anon is refused with 401", async () => {
    expect((await anonClient().from("rest_notes").insert({ body: "x" })).status).toBe(401);
  });

  it("a user inserts for themself (user_id defaults to auth.uid())", async () => {
    const { data, status } = await a.client.from("rest_notes").insert({ body: "a3" }).select("user_id, body").single();
    expect(status).toBe(201);
    expect(data).toEqual({ user_id: a.id, body: "a3" });
  });

  it("a user cannot insert for someone else: 403 42501", async () => {
    const { error, status } = await a.client.from("rest_notes").insert({ body: "forged", user_id: b.id });
    expect(status).toBe(403);
    expect(error).toMatchObject({
      code: "42501",
      message: 'new row violates row-level security policy for table "rest_notes"',
    });
    expect(await noteBodies()).not.toContain("forged");
  });

  it("service_role inserts for anyone", async () => {
    expect((await serviceClient().from("rest_notes").insert({ body: "svc", user_id: b.id })).status).toBe(201);
  });
});

describe("own-row table: update", () => {
  it("anon is refused with 401", async () => {
    expect((await anonClient().from("rest_notes").update({ body: "x" }).eq("id", 1)).status).toBe(401);
  });

  it("a user's update of another's row matches nothing (204, no change)", async () => {
    const { status, data } = await b.client.from("rest_notes").update({ body: "hijacked" }).eq("id", 1).select();
    expect(status).toBe(200);
    expect(data).toEqual([]);
    expect(await noteBodies()).not.toContain("hijacked");
  });

  it("a user updates their own row but cannot hand it to someone else", async () => {
    expect((await a.client.from("rest_notes").update({ body: "a1 edited" }).eq("id", 1)).status).toBe(204);
    const moved = await a.client.from("rest_notes").update({ user_id: b.id }).eq("id", 1);
    expect(moved.status).toBe(403);
    expect(moved.error?.code).toBe("42501");
    expect(await noteBodies()).toContain("a1 edited");
  });

  it("service_role updates any row", async () => {
    const { data } = await serviceClient()
      .from("rest_notes")
      .update({ body: "b1 by service" })
      .eq("id", 3)
      .select("body");
    expect(data).toEqual([{ body: "b1 by service" }]);
  });
});

describe("own-row table: delete", () => {
  it("anon is refused with 401", async () => {
    expect((await anonClient().from("rest_notes").delete().eq("id", 2)).status).toBe(401);
  });

  it("a user cannot delete another's row, can delete their own", async () => {
    const other = await b.client.from("rest_notes").delete().eq("id", 2).select();
    expect(other.data).toEqual([]);
    expect(await noteBodies()).toContain("a2");
    const own = await a.client.from("rest_notes").delete().eq("id", 2).select("body");
    expect(own.data).toEqual([{ body: "a2" }]);
  });

  it("service_role deletes any row", async () => {
    const { count } = await serviceClient().from("rest_notes").delete({ count: "exact" }).eq("body", "svc");
    expect(count).toBe(1);
  });
});

describe("anon-readable table", () => {
  it("anon reads but cannot write; users may insert", async () => {
    await sql("insert into public.rest_public (label) values ('hello')");
    expect((await anonClient().from("rest_public").select("label")).data).toEqual([{ label: "hello" }]);
    const denied = await anonClient().from("rest_public").insert({ label: "anon" });
    expect(denied.status).toBe(401);
    expect(denied.error?.code).toBe("42501");
    expect((await a.client.from("rest_public").insert({ label: "from a" })).status).toBe(201);
    const update = await a.client.from("rest_public").update({ label: "x" }).eq("label", "hello");
    expect(update.status).toBe(403);
  });
});

describe("request settings seen by SQL", () => {
  it("sets role, claims, method, path, search_path, read-only and the role's timeout", async () => {
    const { data } = await a.client.rpc("rest_whoami", {}, { get: true });
    expect(data).toMatchObject({
      role: "authenticated",
      sub: a.id,
      method: "GET",
      path: "/rpc/rest_whoami",
      read_only: "on",
    });
    expect((data as { search_path: string }).search_path).toBe('"public", "public", "extensions"');
    const [setting] = await sql<{ timeout: string | null }>(
      "select (select split_part(c, '=', 2) from unnest(s.setconfig) c where c like 'statement_timeout=%') as timeout from pg_db_role_setting s join pg_roles r on r.oid = s.setrole where r.rolname = 'authenticated'",
    );
    if (setting?.timeout) expect((data as { timeout: string }).timeout).toBe(setting.timeout);
    const posted = await anonClient().rpc("rest_whoami");
    expect(posted.data).toMatchObject({ role: "anon", sub: null, method: "POST" });
  });
});

describe("JWTs and keys", () => {
  it("an expired token is 401 PGRST303 with WWW-Authenticate", async () => {
    const expired = await signJwt(
      { sub: a.id, role: "authenticated", aud: "authenticated", exp: Math.floor(Date.now() / 1000) - 3600 },
      SECRET,
    );
    const response = await rest("/rest_public?select=label", {
      key: env.anonKey,
      headers: { Authorization: `Bearer ${expired}` },
    });
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toMatch(/^Bearer error="invalid_token"/);
    expect(await response.json()).toMatchObject({ code: "PGRST303", message: "JWT expired" });
  });

  it("a token with a bad signature is 401 PGRST301: no key decodes it", async () => {
    const forged = await signJwt({ sub: a.id, role: "service_role" }, "another-secret-another-secret-another-secret");
    const { error, status } = await tokenClient(forged).from("rest_public").select("*");
    expect(status).toBe(401);
    expect(error).toMatchObject({
      code: "PGRST301",
      details: "None of the keys was able to decode the JWT",
      message: "No suitable key or wrong key type",
    });
  });

  it("an empty Bearer token is 401 PGRST301, not anon (supabase-js with the publishable key)", async () => {
    const client = createClient(env.url, env.publishableKey, {
      auth: { persistSession: false, autoRefreshToken: false },
      global: { headers: { Authorization: "Bearer " } },
    });
    const { data, error, status } = await client.from("rest_public").select("label");
    expect({ data, status }).toEqual({ data: null, status: 401 });
    expect(error).toMatchObject({
      code: "PGRST301",
      details: null,
      hint: null,
      message: "Empty JWT is sent in Authorization header",
    });
  });

  it.each(["Bearer", "bearer", "BEARER   "])("%j alone has the same answer and WWW-Authenticate", async (header) => {
    const response = await rest("/rest_public?select=label", {
      key: env.publishableKey,
      headers: { Authorization: header },
    });
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toBe(
      'Bearer error="invalid_token", error_description="Empty JWT is sent in Authorization header"',
    );
    expect(await response.json()).toMatchObject({ code: "PGRST301" });
  });

  it("a lower-case scheme is read; a one-part token is 401 'Expected 3 parts in JWT; got 1'", async () => {
    const response = await rest("/rest_public?select=label", {
      key: env.publishableKey,
      headers: { Authorization: "bearer x" },
    });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      code: "PGRST301",
      details: null,
      hint: null,
      message: "Expected 3 parts in JWT; got 1",
    });
  });

  it("another scheme carries no token: the request runs as anon, whatever the key", async () => {
    const asAnon = await rest("/rest_public?select=label", {
      key: env.secretKey,
      headers: { Authorization: "Basic Zm9vOmJhcg==" },
    });
    expect(asAnon.status).toBe(200);
    const own = await rest("/rest_notes?select=body", { key: env.secretKey, headers: { Authorization: "Token x" } });
    expect(own.status).toBe(401);
    expect(await own.json()).toMatchObject({ code: "42501" });
  });

  it("a key given as ?apikey= passes the key check but is no bearer: the secret key runs as anon", async () => {
    const response = await fetch(`${env.url}/rest/v1/rest_notes?select=body&apikey=${env.secretKey}`);
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ code: "42501" });
  });

  it("a self-minted user token works like a GoTrue one", async () => {
    const token = await signJwt(
      { sub: b.id, role: "authenticated", aud: "authenticated", exp: Math.floor(Date.now() / 1000) + 600 },
      SECRET,
    );
    expect((await tokenClient(token).from("rest_notes").select("user_id")).data?.every((r) => r.user_id === b.id)).toBe(
      true,
    );
  });

  it("maps sb_publishable_ to anon and sb_secret_ to service_role", async () => {
    expect((await anonClient(env.publishableKey).from("rest_notes").select("*")).status).toBe(401);
    expect((await serviceClient(env.secretKey).from("rest_notes").select("*")).status).toBe(200);
  });
});

describe("schema cache and OpenAPI", () => {
  it("sees a new table after NOTIFY pgrst, 'reload schema'", async () => {
    await sql(
      "create table public.rest_late (id int primary key); grant select on public.rest_late to service_role; notify pgrst, 'reload schema'",
    );
    try {
      let status = 0;
      for (let i = 0; i < 50 && status !== 200; i++) {
        status = (await serviceClient().from("rest_late").select("*")).status;
        if (status !== 200) await new Promise((r) => setTimeout(r, 100));
      }
      expect(status).toBe(200);
    } finally {
      await sql("drop table public.rest_late; notify pgrst, 'reload schema'");
    }
  });

  it("serves the OpenAPI document to service_role only", async () => {
    const doc = await rest("/", { headers: { Accept: "application/openapi+json" } });
    expect(doc.status).toBe(200);
    const body = (await doc.json()) as { swagger: string; paths: Record<string, unknown> };
    expect(body.swagger).toBe("2.0");
    expect(Object.keys(body.paths)).toEqual(expect.arrayContaining(["/rest_parents", "/rpc/rest_add"]));
    expect((await rest("/", { key: env.anonKey })).status).toBe(401);
  });
});
