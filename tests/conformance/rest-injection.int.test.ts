/**
 * SQL injection through the REST service, over HTTP as a signed-in user would send it. A `::cast` is a
 * type name (one quoted identifier or a keyword type), so SQL written into it is an unknown type,
 * answered as PostgREST answers one (400 42704). Then every other place client text reaches a
 * statement, one injection class at a time: no 5xx, and the fixture data is untouched.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seeded } from "@/supabase/local/rest/testing/fuzz-inputs";
import { classRequest, INJECTION_CLASSES } from "@/supabase/local/rest/testing/injection-classes";
import {
  createUser,
  deleteUser,
  dropFixtures,
  env,
  loadFixtures,
  rest,
  serviceClient,
  type TestUser,
} from "./rest-support";

let user: TestUser | undefined;

beforeAll(async () => {
  await loadFixtures();
  user = await createUser("inject");
});
afterAll(async () => {
  await deleteUser(user);
  await dropFixtures();
});

function asUser(path: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.set("Authorization", `Bearer ${user?.token ?? ""}`);
  return rest(path, { ...init, headers, key: env.anonKey });
}

describe("casts in select", () => {
  it("answers the UNION through a cast with 42704 and no role names", async () => {
    const response = await asUser(
      "/user_profiles?select=user_id%3A%3Atext%20AS%20a%20FROM%20user_profiles%20UNION%20SELECT%20rolname%20FROM%20pg_roles",
    );
    const text = await response.text();
    expect(response.status).toBe(400);
    const body = JSON.parse(text) as { code: string; message: string };
    expect(body.code).toBe("42704");
    expect(body.message).toBe('type "text as a from user_profiles union select rolname from pg_roles" does not exist');
    for (const role of ["authenticator", "supabase_admin", "pg_read_all_data", "service_role"]) {
      expect(text).not.toContain(role);
    }
  });

  it.each([
    "user_id::text AS a FROM pg_settings --",
    "user_id::text FROM pg_proc",
    "user_id::int) FROM pg_roles --",
    "user_id::text,(select count(*) from user_profiles)",
    'user_id::text" FROM pg_roles --',
  ])("refuses %s with a 400 and reads nothing", async (select) => {
    const response = await asUser(`/user_profiles?select=${encodeURIComponent(select)}`);
    const body = (await response.json()) as { code: string };
    expect(response.status).toBe(400);
    expect(["42704", "PGRST100"]).toContain(body.code);
  });

  it("answers an unknown type as PostgREST does", async () => {
    const response = await rest("/rest_parents?select=id::nosuchtype");
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      code: "42704",
      details: null,
      hint: null,
      message: 'type "nosuchtype" does not exist',
    });
  });

  it("still casts to plain, keyword, spaced and array types", async () => {
    await serviceClient()
      .from("rest_parents")
      .insert({ name: "cast-me", tags: ["a", "b"], meta: { n: 2 } });
    const response = await rest(
      "/rest_parents?name=eq.cast-me&select=t:id::text,i:id::INT,d:id::double%20precision,a:tags::_text,n:meta->n::numeric",
    );
    expect(response.status).toBe(200);
    const [row] = (await response.json()) as Record<string, unknown>[];
    expect(typeof row?.t).toBe("string");
    expect(typeof row?.i).toBe("number");
    expect(typeof row?.d).toBe("number");
    expect(row?.a).toEqual(["a", "b"]);
    expect(row?.n).toBe(2);
  });
});

describe("injection classes over HTTP", () => {
  const fixture = {
    text: "name",
    json: "meta",
    id: "id",
    child: "rest_children",
    parent: "rest_parents",
    fkName: "rest_children_parent_id_fkey",
    rpcArg: "a",
    rpcVariadic: { name: "rest_join", arg: "parts" },
  };

  it.each(INJECTION_CLASSES)("%s: no 5xx, data intact", async (cls) => {
    const r = seeded(cls.length * 104729);
    const failures: string[] = [];
    for (let i = 0; i < 40; i++) {
      const req = classRequest(r, cls, fixture);
      const path =
        req.target === "rpc"
          ? `/rpc/${encodeURIComponent(req.rpcName ?? "rest_add")}`
          : req.target === "child"
            ? "/rest_children"
            : "/rest_parents";
      // HTTP cannot carry control characters in a header value; the pure fuzz sends them.
      const sent = Object.entries(req.headers).map(([k, v]) => [k, v.replace(/[\u0000-\u001f]/g, "")]);
      const headers = { "content-type": "application/json", ...Object.fromEntries(sent) };
      const response = await asUser(`${path}?${req.query}`, {
        method: req.method,
        headers,
        ...(req.body !== null && { body: req.body }),
      });
      const text = await response.text();
      if (response.status >= 500 || /authenticator|pg_read_all_data/.test(text)) {
        failures.push(`${response.status} ${req.method} ${path}?${req.query} ${text.slice(0, 200)}`);
      }
    }
    expect(failures).toEqual([]);
    expect((await serviceClient().from("rest_canary").select("id, note")).data).toEqual([{ id: 1, note: "intact" }]);
  });
});
