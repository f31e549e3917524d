/**
 * Ordering by an embedded resource's column, `order=rel(col)`, as PostgREST answers it: only a to-one
 * embed of the same node (by its alias, else its name), by a column its select returns (typed, JSON
 * paths too), also inside embeds (`rel.order=child(col)`); PGRST108, PGRST118 or 42703 otherwise.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rest, runFixture, serviceClient } from "./rest-support";

beforeAll(() => runFixture("rest_order.sql", "rest_o_projects", true));
afterAll(() => runFixture("rest_order_drop.sql", "rest_o_projects", false));

async function get(path: string): Promise<{ status: number; body: unknown }> {
  const res = await rest(path);
  return { status: res.status, body: (await res.json()) as unknown };
}

/** The `name`s of the rows answered, in order. */
async function names(path: string): Promise<unknown> {
  const { status, body } = await get(path);
  expect(status, JSON.stringify(body)).toBe(200);
  return (body as { name: string }[]).map((row) => row.name);
}

describe("order=rel(col) on a to-one embed", () => {
  it("orders through supabase-js's .order('rel(col)'), ascending or descending, nulls first or last", async () => {
    const projects = () => serviceClient().from("rest_o_projects").select("name, rest_o_clients(name)");
    const desc = await projects().order("rest_o_clients(name)", { ascending: false, nullsFirst: false }).order("name");
    expect(desc.error).toBeNull();
    expect(desc.data).toEqual([
      { name: "Cygnus", rest_o_clients: { name: "Initech" } },
      { name: "Apollo", rest_o_clients: { name: "Globex" } },
      { name: "Borealis", rest_o_clients: { name: "Acme" } },
      { name: "Eos", rest_o_clients: { name: "Acme" } },
      { name: "Draco", rest_o_clients: null },
    ]);
    const asc = await projects().order("rest_o_clients(name)", { nullsFirst: true }).order("name");
    expect(asc.data?.map((row) => row.name)).toEqual(["Draco", "Borealis", "Eos", "Apollo", "Cygnus"]);
    // Without a nulls option Postgres's default: last ascending, first descending.
    expect(await names("/rest_o_projects?select=name,rest_o_clients(name)&order=rest_o_clients(name),name")).toEqual([
      "Borealis",
      "Eos",
      "Apollo",
      "Cygnus",
      "Draco",
    ]);
  });

  it("orders by the column's own type, and by JSON paths (jsonb with ->, text with ->>)", async () => {
    const base = "/rest_o_projects?select=name,rest_o_clients(rank,data)";
    expect(await names(`${base}&order=rest_o_clients(rank),id`)).toEqual([
      "Apollo",
      "Borealis",
      "Eos",
      "Cygnus",
      "Draco",
    ]);
    // 9 < 10 as jsonb numbers, '10' < '9' as text.
    expect(await names(`${base}&order=rest_o_clients(data->n),id`)).toEqual([
      "Apollo",
      "Borealis",
      "Eos",
      "Cygnus",
      "Draco",
    ]);
    expect(await names(`${base}&order=rest_o_clients(data->>n),id`)).toEqual([
      "Borealis",
      "Eos",
      "Apollo",
      "Cygnus",
      "Draco",
    ]);
    expect(await names(`${base}&order=rest_o_clients(data->>tier).desc,id`)).toEqual([
      "Cygnus",
      "Draco",
      "Borealis",
      "Eos",
      "Apollo",
    ]);
  });

  it("names an aliased embed by its alias; orders through a spread, an !inner embed and an empty embed", async () => {
    expect(
      await names("/rest_o_projects?select=name,client:rest_o_clients(name)&order=client(name).desc,name"),
    ).toEqual(["Draco", "Cygnus", "Apollo", "Borealis", "Eos"]);
    const spread = await get(
      "/rest_o_projects?select=name,...rest_o_clients(client:name)&order=rest_o_clients(client),name",
    );
    expect(spread.body).toEqual([
      { name: "Borealis", client: "Acme" },
      { name: "Eos", client: "Acme" },
      { name: "Apollo", client: "Globex" },
      { name: "Cygnus", client: "Initech" },
      { name: "Draco", client: null },
    ]);
    expect(
      await names("/rest_o_projects?select=name,rest_o_clients!inner(name)&order=rest_o_clients(name).desc,name"),
    ).toEqual(["Cygnus", "Apollo", "Borealis", "Eos"]);
    // An empty embed is not returned, but its row still orders (PostgREST's join selects all its columns).
    const empty = await get("/rest_o_projects?select=name,rest_o_clients()&order=rest_o_clients(rank).nullsfirst,name");
    expect(empty.body).toEqual([
      { name: "Cygnus" },
      { name: "Draco" },
      { name: "Apollo" },
      { name: "Borealis" },
      { name: "Eos" },
    ]);
  });

  it("orders an embed's rows by its own to-one embed (rel.order=child(col))", async () => {
    const { status, body } = await get(
      "/rest_o_clients?select=name,rest_o_projects(name,rest_o_people(name))&order=id&rest_o_projects.order=rest_o_people(name)",
    );
    expect(status).toBe(200);
    expect(body).toEqual([
      {
        name: "Acme",
        rest_o_projects: [
          { name: "Eos", rest_o_people: { name: "Mia" } },
          { name: "Borealis", rest_o_people: { name: "Zed" } },
        ],
      },
      { name: "Globex", rest_o_projects: [{ name: "Apollo", rest_o_people: { name: "Amy" } }] },
      { name: "Initech", rest_o_projects: [{ name: "Cygnus", rest_o_people: null }] },
    ]);
  });
});

describe("order=rel(col) in a write", () => {
  it("orders the rows a PATCH returns by the embed's column", async () => {
    const res = await rest(
      "/rest_o_projects?id=in.(1,2,5)&select=name,rest_o_clients(name)&order=rest_o_clients(name),name",
      {
        method: "PATCH",
        headers: { "Content-Type": "application/json", Prefer: "return=representation" },
        body: JSON.stringify({ note: "seen" }),
      },
    );
    expect(res.status).toBe(200);
    expect(((await res.json()) as { name: string }[]).map((row) => row.name)).toEqual(["Borealis", "Eos", "Apollo"]);
  });
});

describe("order=rel(col) refused as PostgREST refuses it", () => {
  it("answers 400 PGRST118 for a to-many embed", async () => {
    expect(await get("/rest_o_clients?select=name,rest_o_projects(name)&order=rest_o_projects(name)")).toEqual({
      status: 400,
      body: {
        code: "PGRST118",
        details: "'rest_o_clients' and 'rest_o_projects' do not form a many-to-one or one-to-one relationship",
        hint: null,
        message: "A related order on 'rest_o_projects' is not possible",
      },
    });
  });

  it("answers 400 PGRST108 for a resource not embedded, or named by its table when it has an alias", async () => {
    const notEmbedded = {
      status: 400,
      body: {
        code: "PGRST108",
        details: null,
        hint: "Verify that 'rest_o_clients' is included in the 'select' query parameter.",
        message: "'rest_o_clients' is not an embedded resource in this request",
      },
    };
    expect(await get("/rest_o_projects?select=name&order=rest_o_clients(name)")).toEqual(notEmbedded);
    expect(await get("/rest_o_projects?select=name,client:rest_o_clients(name)&order=rest_o_clients(name)")).toEqual(
      notEmbedded,
    );
  });

  it("answers 400 42703 for a column the embed does not return, named by PostgREST's join alias", async () => {
    const { status, body } = await get("/rest_o_projects?select=name,rest_o_clients(id)&order=rest_o_clients(name)");
    expect(status).toBe(400);
    expect(body).toMatchObject({
      code: "42703",
      message: "column rest_o_projects_rest_o_clients_1.name does not exist",
    });
  });

  it("keeps hostile text out of SQL: a 4xx, or a JSON key that is only a value", async () => {
    const hostile = [
      'rest_o_clients("name; drop table rest_o_clients --")',
      'x"; drop table rest_o_clients --(name)',
      "rest_o_clients(name)) union select 1 --",
      "rest_o_clients(name,id)",
    ];
    for (const order of hostile) {
      const { status } = await get(`/rest_o_projects?select=name,rest_o_clients(*)&order=${encodeURIComponent(order)}`);
      expect(status, order).toBeGreaterThanOrEqual(400);
      expect(status, order).toBeLessThan(500);
    }
    const parse = await get("/rest_o_projects?select=name,rest_o_clients(*)&order=rest_o_clients(name,id)");
    expect(parse.body).toMatchObject({
      code: "PGRST100",
      message: '"failed to parse order (rest_o_clients(name,id))" (line 1, column 15)',
    });
    const key = encodeURIComponent(`rest_o_clients(data->>"'; drop table rest_o_clients --")`);
    expect((await get(`/rest_o_projects?select=name,rest_o_clients(*)&order=${key}`)).status).toBe(200);
    expect((await serviceClient().from("rest_o_clients").select("id")).data).toHaveLength(3);
  });
});
