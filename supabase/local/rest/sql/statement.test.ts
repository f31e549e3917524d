/** SQL builder: planned requests → statement text + parameters (pure, against a hand-built cache). */
import { describe, expect, it } from "vitest";
import { parseRequest } from "../parse/request";
import { planRequest } from "../plan";
import { testCache } from "../testing/cache";
import { buildStatement } from "./statement";
import { ident, typeName } from "./quote";

function build(method: string, url: string, body: unknown = null, headers: Record<string, string> = {}) {
  const u = new URL(url, "http://x");
  const request = parseRequest({
    method,
    path: u.pathname,
    query: u.searchParams,
    headers,
    body: body === null ? null : JSON.stringify(body),
    schemas: ["public"],
  });
  const plan = planRequest(testCache(), request, 1000);
  return buildStatement(plan, { ...(request.prefer.count && { count: "exact" as const }), head: method === "HEAD" });
}

describe("quoting", () => {
  it("doubles quotes and drops NUL in identifiers", () => {
    expect(ident('a"b')).toBe('"a""b"');
    expect(ident("x\0y")).toBe('"xy"');
  });
});

describe("casts", () => {
  it("writes keyword types from its own list and every other name as one quoted identifier", () => {
    expect(typeName("text")).toBe('"text"');
    expect(typeName("INT")).toBe("int");
    expect(typeName(" double   precision ")).toBe("double precision");
    expect(typeName("timestamp with time zone")).toBe("timestamp with time zone");
    expect(typeName("_int4")).toBe('"_int4"');
    expect(typeName('x" FROM pg_roles --')).toBe('"x"" from pg_roles --"');
  });

  it("keeps a cast that reads like SQL inside one identifier, so Postgres answers 42704", () => {
    const attack = "user_id::text AS a FROM parents UNION SELECT rolname FROM pg_roles";
    const s = build("GET", `/parents?select=${encodeURIComponent(attack.replace("user_id", "id"))}`);
    expect(s.text).toContain(
      'CAST("parents"."id" AS "text as a from parents union select rolname from pg_roles") AS "id"',
    );
    expect(s.text).not.toMatch(/UNION|pg_roles[^"]/);
    expect(build("GET", "/parents?select=n:id::bigint").text).toContain('CAST("parents"."id" AS bigint) AS "n"');
  });
});

describe("reads", () => {
  it("builds a filtered, ordered, capped read with values as parameters", () => {
    const s = build("GET", "/parents?select=id,label:name&name=eq.alpha&order=id.desc.nullslast");
    expect(s.text).toBe(
      'WITH "pgrst_source" AS (SELECT "parents"."id" AS "id", "parents"."name" AS "label" FROM "public"."parents" AS "parents" WHERE "parents"."name" = $1 ORDER BY "parents"."id" DESC NULLS LAST LIMIT $2) SELECT NULL::text AS total, pg_catalog.count("pgrst_t")::int AS page, coalesce(json_agg("pgrst_t"), \'[]\')::text AS body, NULL::text AS location FROM "pgrst_source" AS "pgrst_t"',
    );
    expect(s.params).toEqual(["alpha", 1000]);
  });

  it("embeds through a lateral join, JSON built by Postgres", () => {
    const s = build("GET", "/parents?select=name,children!inner(title)&children.title=like.*x*");
    expect(s.text).toContain(
      'LEFT JOIN LATERAL (SELECT json_agg("pgrst_row") AS "body" FROM (SELECT "children_1"."title" AS "title" FROM "public"."children" AS "children_1" WHERE "children_1"."parent_id" = "parents"."id" AND "children_1"."title" LIKE $1) AS "pgrst_row") AS "pgrst_children_1" ON TRUE',
    );
    expect(s.text).toContain('WHERE "pgrst_children_1"."body" IS NOT NULL');
    expect(s.params[0]).toBe("%x%");
  });

  it("puts JSON path keys, in-lists and fts configs in parameters", () => {
    const s = build("GET", "/parents?select=meta->a->>b&id=in.(1,2)&meta->>k=eq.v");
    expect(s.text).toContain('(("parents"."meta"->$1::text)->>$2::text) AS "b"');
    expect(s.params).toEqual(["a", "b", ["1", "2"], "k", "v", 1000]);
    const fts = build("GET", "/children?body=wfts(english).cat");
    expect(fts.text).toContain('"children"."body" @@ websearch_to_tsquery($1::regconfig, $2)');
  });

  it("reads a self-reference as PostgREST: the table name gives children, the FK column the parent", () => {
    expect(build("GET", "/nodes?select=id,nodes(id)").text).toContain("json_agg");
    expect(build("GET", "/nodes?select=id,kids:nodes!parent_id(id)").text).toContain("json_agg");
    expect(build("GET", "/nodes?select=id,parent_id(id)").text).toContain("row_to_json");
  });

  it("adds an exact count over the same rows", () => {
    const s = build("GET", "/parents?id=gt.1", null, { prefer: "count=exact" });
    expect(s.text).toContain(
      '(SELECT pg_catalog.count(*) FROM "public"."parents" AS "parents" WHERE "parents"."id" > $1)::text AS total',
    );
  });
});

describe("mutations", () => {
  it("inserts through json_populate_recordset with one body parameter", () => {
    const s = build("POST", "/parents", { name: "x'); drop table parents; --" });
    expect(s.shape).toBe("command");
    expect(s.text).toBe(
      'INSERT INTO "public"."parents" ("name") SELECT "pgrst_body"."name" FROM json_populate_recordset(NULL::"public"."parents", $1::json) AS "pgrst_body"',
    );
    expect(s.params).toEqual([JSON.stringify([{ name: "x'); drop table parents; --" }])]);
  });

  it("upserts with ON CONFLICT on the primary key", () => {
    const s = build("POST", "/parents?select=id", [{ id: 1, name: "a" }], {
      prefer: "resolution=merge-duplicates,return=representation",
    });
    expect(s.text).toContain(
      'ON CONFLICT ("id") DO UPDATE SET "id" = EXCLUDED."id", "name" = EXCLUDED."name" WHERE set_config(',
    );
    // Rows it inserted count up, rows it updated count down: 0 answers 200.
    expect(s.text).toMatch(/AS "pgrst_body" WHERE set_config\('pgrst.inserted', .* \+ 1\)/);
    expect(s.text).toContain(`RETURNING "parents"."id"`);
  });

  it("evaluates every column default once per row for missing=default, using it where the key is absent", () => {
    const s = build("POST", "/parents?columns=id,name", [{ name: "a" }], { prefer: "missing=default" });
    expect(s.text).toContain(
      `CASE WHEN "pgrst_elem"::jsonb ? $2::text THEN (json_populate_record(NULL::"public"."parents", "pgrst_elem"))."id" ELSE "pgrst_defaults"."id" END`,
    );
    expect(s.text).toContain(
      `LATERAL (SELECT nextval('seq'::regclass) AS "id" WHERE "pgrst_elem" IS NOT NULL) AS "pgrst_defaults"`,
    );
  });

  it("updates and deletes only with a filter (21000 otherwise)", () => {
    expect(build("PATCH", "/parents?id=eq.1", { name: "b" }).text).toBe(
      'UPDATE "public"."parents" AS "parents" SET "name" = "pgrst_body"."name" FROM json_populate_record(NULL::"public"."parents", $2::json) AS "pgrst_body" WHERE "parents"."id" = $1',
    );
    expect(() => build("DELETE", "/parents")).toThrow(/DELETE requires a WHERE clause/);
    expect(() => build("PATCH", "/parents", { name: "b" })).toThrow(/UPDATE requires a WHERE clause/);
  });
});

describe("aggregates", () => {
  it("aggregates with a fixed function name and groups by the other columns and embeds", () => {
    const s = build("GET", "/parents?select=name,total:id.sum()::text,kids(title)");
    expect(s.text).toContain('CAST(SUM("parents"."id") AS "text") AS "total"');
    expect(s.text).toMatch(/GROUP BY "parents"\."name", "[^"]+"\."body"::jsonb/);
  });
});

describe("functions over a row", () => {
  it("writes a computed column as the function of the row, in select, filter and order", () => {
    const s = build("GET", "/parents?select=label&label=eq.x&order=label");
    const call = '"public"."label"("parents"::"public"."parents")';
    expect(s.text).toContain(`${call} AS "label"`);
    expect(s.text).toContain(`WHERE ${call} = $1`);
    expect(s.text).toContain(`ORDER BY ${call}`);
  });

  it("embeds a computed relationship as a lateral call with the parent's row", () => {
    const s = build("GET", "/parents?select=id,kids(title)");
    expect(s.text).toContain('FROM "public"."kids"("parents"::"public"."parents") AS "children_1"');
  });
});

describe("rpc", () => {
  it("calls with named, typed arguments", () => {
    const s = build("GET", "/rpc/add?a=1");
    expect(s.text).toBe(
      'SELECT NULL::text AS total, 1 AS page, to_json("pgrst_call"."v")::text AS body, NULL::text AS location FROM "public"."add"("a" := $1::integer) AS "pgrst_call"("v")',
    );
    expect(s.params).toEqual(["1"]);
  });

  it("has Postgres read a JSON body's arguments from the body, typed by json_to_record", () => {
    const s = build("POST", "/rpc/add", { a: 1, b: 2 });
    expect(s.text).toContain(
      '"public"."add"("a" := (SELECT "pgrst_body"."a" FROM json_to_record($1::json) AS "pgrst_body"("a" integer)), "b" := (SELECT "pgrst_body"."b" FROM json_to_record($1::json) AS "pgrst_body"("b" integer)))',
    );
    expect(s.params).toEqual(['{"a":1,"b":2}']);
  });

  it("passes a variadic argument its array with VARIADIC: every repeated query value, in order", () => {
    const s = build("GET", "/rpc/join_all?sep=ignored&parts=a&sep=-&parts=b");
    expect(s.text).toContain('FROM "public"."join_all"("sep" := $1::text, VARIADIC "parts" := $2::text[])');
    expect(s.params).toEqual(["-", ["a", "b"]]);
    expect(build("GET", "/rpc/join_all?sep=-&parts=a").params).toEqual(["-", ["a"]]);
    expect(build("POST", "/rpc/join_all", { sep: "-", parts: ["x", "y"] }).text).toContain(
      'VARIADIC "parts" := (SELECT "pgrst_body"."parts" FROM json_to_record($1::json) AS "pgrst_body"("parts" text[]))',
    );
  });

  it("calls once with the first object of an array body; mixed keys are PGRST102", () => {
    const s = build("POST", "/rpc/add", [{ a: 1 }, { a: 2 }]);
    expect(s.text).toContain(
      '"public"."add"("a" := (SELECT "pgrst_body"."a" FROM json_to_recordset($1::json) AS "pgrst_body"("a" integer) LIMIT 1))',
    );
    expect(s.params).toEqual(['[{"a":1},{"a":2}]']);
    expect(() => build("POST", "/rpc/add", [{ a: 1 }, { b: 2 }])).toThrow("All object keys must match");
  });

  it("reports unknown functions and argument sets as PGRST202", () => {
    expect(() => build("POST", "/rpc/nope", {})).toThrow(/Could not find the function public.nope without parameters/);
    expect(() => build("POST", "/rpc/add", { z: 1 })).toThrow(/public.add\(z\)/);
  });
});

describe("db-max-rows", () => {
  function estimated(maxRows: number | null) {
    const request = parseRequest({
      method: "GET",
      path: "/parents",
      query: new URLSearchParams(),
      headers: {},
      body: null,
      schemas: ["public"],
    });
    return buildStatement(planRequest(testCache(), request, maxRows), { count: "estimated", maxRows, head: false });
  }

  it("caps a read and counts one row past it for count=estimated", () => {
    const s = estimated(10);
    expect(s.text).toContain("LIMIT 11");
    expect(s.params).toContain(10);
    expect(s.estimateAbove).toBe(10);
  });

  it("uncapped, reads every row and takes the larger of the exact count and the estimate", () => {
    const s = estimated(null);
    expect(s.text).not.toMatch(/LIMIT/);
    expect(s.estimateAbove).toBe(-1);
  });
});

describe("order by an embedded to-one resource (rel(col))", () => {
  it("orders by a typed column the JSON embed's join exposes, JSON path keys as parameters", () => {
    const s = build(
      "GET",
      "/children?select=id,parents(name,meta)&order=parents(name).desc.nullslast,id,parents(meta->>k)",
    );
    expect(s.text).toContain(
      'LEFT JOIN LATERAL (SELECT row_to_json("pgrst_row") AS "body", "pgrst_row"."name" AS "pgrst_order_1", ("pgrst_row"."meta"->>$1::text) AS "pgrst_order_3" FROM (',
    );
    expect(s.text).toContain(
      'ORDER BY "pgrst_parents_1"."pgrst_order_1" DESC NULLS LAST, "children"."id", "pgrst_parents_1"."pgrst_order_3" LIMIT $2',
    );
    expect(s.params).toEqual(["k", 1000]);
  });

  it("orders by a spread's column through its join directly, and inside an embed by its path", () => {
    const spread = build("GET", "/children?select=id,...parents(name)&order=parents(name).asc");
    expect(spread.text).toContain('ORDER BY "pgrst_parents_1"."name" ASC');
    const nested = build("GET", "/parents?select=id,children(id,p:parents(name))&children.order=p(name).desc");
    expect(nested.text).toContain('"pgrst_row"."name" AS "pgrst_order_1"');
    expect(nested.text).toContain('ORDER BY "pgrst_parents_2"."pgrst_order_1" DESC');
  });

  it("orders by an empty embed's columns without returning the embed (its rows carry all columns)", () => {
    const s = build("GET", "/children?select=id,parents()&order=parents(name)");
    expect(s.text).toContain('(SELECT "parents_1".* FROM "public"."parents" AS "parents_1" WHERE');
    expect(s.text).toContain('ORDER BY "pgrst_parents_1"."pgrst_order_1"');
    expect(s.text).not.toContain('AS "parents"');
    // An empty spread's columns would be the parent's: it exposes none.
    expect(() => build("GET", "/children?select=id,...parents()&order=parents(name)")).toThrow(
      /column children_parents_1.name does not exist/,
    );
  });

  it("refuses what PostgREST refuses: not embedded, to-many, a column the embed does not select", () => {
    expect(() => build("GET", "/children?select=id&order=parents(name)")).toThrow(
      expect.objectContaining({
        status: 400,
        code: "PGRST108",
        message: "'parents' is not an embedded resource in this request",
        hint: "Verify that 'parents' is included in the 'select' query parameter.",
      }),
    );
    // The alias names the embed, not the table.
    expect(() => build("GET", "/children?select=id,p:parents(*)&order=parents(name)")).toThrow(/PGRST108|'parents'/);
    expect(() => build("GET", "/parents?select=id,children(*)&order=children(id)")).toThrow(
      expect.objectContaining({
        status: 400,
        code: "PGRST118",
        message: "A related order on 'children' is not possible",
        details: "'parents' and 'children' do not form a many-to-one or one-to-one relationship",
      }),
    );
    // A computed relationship returning a set is to-many too.
    expect(() => build("GET", "/parents?select=id,kids(*)&order=kids(id)")).toThrow(
      expect.objectContaining({
        code: "PGRST118",
        details: "'parents' and 'kids' do not form a many-to-one or one-to-one relationship",
      }),
    );
    expect(() => build("GET", "/children?select=id,parents(id)&order=parents(name)")).toThrow(
      expect.objectContaining({ status: 400, code: "42703", message: "column children_parents_1.name does not exist" }),
    );
  });

  it("orders the rows a write returns by the embed, and picks limited rows by the table's columns only", () => {
    const s = build(
      "PATCH",
      "/children?id=eq.1&select=id,parents(name)&order=parents(name),id&limit=1",
      { title: "x" },
      { prefer: "return=representation" },
    );
    expect(s.text).toContain('ORDER BY "children"."id" LIMIT');
    expect(s.text).toContain('ORDER BY "pgrst_parents_1"."pgrst_order_1", ');
  });
});
