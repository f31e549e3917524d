/**
 * REST reads through the unmodified supabase-js: select shapes, embeds, every filter operator,
 * logic trees, order, paging, counts, HEAD and singular responses, plus the read-side errors.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dropFixtures, loadFixtures, rest, serviceClient } from "./rest-support";

const db = () => serviceClient();

beforeAll(loadFixtures);
afterAll(dropFixtures);

describe("select", () => {
  it("returns columns, aliases, casts and JSON paths", async () => {
    const { data, error, status } = await db()
      .from("rest_parents")
      .select("id, label:name, id_text:id::text, width:meta->size->>w, kind:meta->kind")
      .eq("id", 1);
    expect(error).toBeNull();
    expect(status).toBe(200);
    expect(data).toEqual([{ id: 1, label: "alpha", id_text: "1", width: "3", kind: "a" }]);
  });

  it("names an unaliased JSON path after its last key", async () => {
    const { data } = await db().from("rest_parents").select("meta->size->w").eq("id", 2);
    expect(data).toEqual([{ w: 7 }]);
  });

  it("returns Postgres's JSON for every type (timestamptz, arrays, ranges, jsonb)", async () => {
    const { data } = await db().from("rest_parents").select("*").eq("id", 1).single();
    expect(data).toMatchObject({
      id: 1,
      name: "alpha",
      tags: ["red", "green"],
      meta: { size: { w: 3 }, kind: "a" },
      span: "[1,5)",
    });
    expect(String((data as { created_at: string }).created_at)).toMatch(
      /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?\+00:00$/,
    );
  });

  it("embeds one-to-many as arrays and many-to-one as objects", async () => {
    const parents = await db().from("rest_parents").select("name, rest_children(title)").order("id");
    expect(parents.data).toEqual([
      { name: "alpha", rest_children: [{ title: "first child" }, { title: "second child" }] },
      { name: "beta", rest_children: [{ title: "third child" }] },
      { name: "gamma", rest_children: [] },
    ]);
    const children = await db()
      .from("rest_children")
      .select("title, parent:rest_parents(name)")
      .eq("title", "third child");
    expect(children.data).toEqual([{ title: "third child", parent: { name: "beta" } }]);
  });

  it("filters, orders and limits inside an embed, and drops parents with !inner", async () => {
    const { data } = await db()
      .from("rest_parents")
      .select("name, kids:rest_children!inner(title)")
      .eq("rest_children.done", false)
      .order("title", { referencedTable: "rest_children", ascending: false })
      .order("id");
    expect(data).toEqual([
      { name: "alpha", kids: [{ title: "first child" }] },
      { name: "beta", kids: [{ title: "third child" }] },
    ]);
    const limited = await db()
      .from("rest_parents")
      .select("name, rest_children(title)")
      .eq("id", 1)
      .limit(1, { referencedTable: "rest_children" });
    expect(limited.data).toEqual([{ name: "alpha", rest_children: [{ title: "first child" }] }]);
  });

  it("spreads a to-one embed and accepts an FK hint", async () => {
    const { data } = await db()
      .from("rest_children")
      .select("title, ...rest_parents!rest_children_parent_id_fkey(name)")
      .eq("id", 3);
    expect(data).toEqual([{ title: "third child", name: "beta" }]);
  });

  it("answers 400 PGRST200 for an embed without a relationship", async () => {
    const { error, status } = await db().from("rest_parents").select("name, rest_canary(id)");
    expect(status).toBe(400);
    expect(error?.code).toBe("PGRST200");
    expect(error?.message).toBe(
      "Could not find a relationship between 'rest_parents' and 'rest_canary' in the schema cache",
    );
  });
});

describe("filters", () => {
  const base = () => db().from("rest_children").select("id").order("id");
  type Query = ReturnType<typeof base>;
  const cases: [string, (q: Query) => Query, number[]][] = [
    ["eq", (q) => q.eq("title", "first child"), [1]],
    ["neq", (q) => q.neq("title", "first child"), [2, 3]],
    ["gt / lt", (q) => q.gt("score", 1).lt("score", 3), [1]],
    ["gte / lte", (q) => q.gte("score", 1.5).lte("score", 3), [1, 3]],
    ["like with *", (q) => q.like("title", "*ir*"), [1, 3]],
    ["ilike", (q) => q.ilike("title", "SECOND%"), [2]],
    ["match", (q) => q.match({ done: true }), [2]],
    ["regex match", (q) => q.filter("title", "match", "^(first|third)"), [1, 3]],
    ["regex imatch", (q) => q.filter("title", "imatch", "CHILD$"), [1, 2, 3]],
    ["is null", (q) => q.is("score", null), [2]],
    ["is true", (q) => q.is("done", true), [2]],
    ["not is null", (q) => q.not("score", "is", null), [1, 3]],
    ["isdistinct", (q) => q.filter("score", "isdistinct", "3"), [1, 2]],
    ["in", (q) => q.in("title", ["first child", "third child", "a,b"]), [1, 3]],
    ["not in", (q) => q.not("id", "in", "(1,2)"), [3]],
    ["eq(any)", (q) => q.filter("id", "eq(any)", "{1,3}"), [1, 3]],
    ["like(all)", (q) => q.likeAllOf("title", ["*i*", "*d*"]), [1, 2, 3]],
    ["fts", (q) => q.textSearch("body", "quick & fox"), [1]],
    ["plfts", (q) => q.textSearch("body", "lazy dog", { type: "plain", config: "english" }), [2]],
    ["phfts", (q) => q.textSearch("body", "quick brown", { type: "phrase" }), [1]],
    ["wfts", (q) => q.textSearch("body", "fox or dog", { type: "websearch" }), [1, 2]],
    ["fts on a text column", (q) => q.textSearch("title", "third"), [3]],
    ["or", (q) => q.or("id.eq.1,title.eq.third child"), [1, 3]],
    ["or with nested and", (q) => q.or("id.eq.3,and(done.is.true,score.is.null)"), [2, 3]],
    ["and with not", (q) => q.filter("id", "gt", 0).or("not.and(id.eq.1,done.is.false)"), [2, 3]],
  ];

  it.each(cases)("%s", async (_name, build, expected) => {
    const { data, error } = await build(base());
    expect(error).toBeNull();
    expect((data as { id: number }[]).map((r) => r.id)).toEqual(expected);
  });

  it.each([
    ["cs (array)", "tags", "cs", "{green}", [1, 2]],
    ["cd (array)", "tags", "cd", "{red,green,blue}", [1, 2, 3]],
    ["ov (array)", "tags", "ov", "{red,blue}", [1]],
    ["cs (jsonb)", "meta", "cs", '{"kind":"b"}', [2]],
    ["sl (range)", "span", "sl", "[6,9)", [1]],
    ["sr (range)", "span", "sr", "[6,9)", [2]],
    // nxl: does not extend to the left of [0,6) (&>); nxr: does not extend to its right (&<).
    ["nxl (range)", "span", "nxl", "[0,6)", [1, 2]],
    ["nxr (range)", "span", "nxr", "[0,6)", [1]],
    ["adj (range)", "span", "adj", "[5,10)", [1, 2]],
    ["ov (range)", "span", "ov", "[4,11)", [1, 2]],
  ])("%s", async (_name, column, op, value, expected) => {
    const { data, error } = await db().from("rest_parents").select("id").filter(column, op, value).order("id");
    expect(error).toBeNull();
    expect((data as { id: number }[]).map((r) => r.id)).toEqual(expected);
  });

  it("negates a whole logic tree with not.or", async () => {
    const response = await rest("/rest_children?select=id&order=id&not.or=(id.eq.1,id.eq.2)");
    expect(await response.json()).toEqual([{ id: 3 }]);
  });

  it("answers 400 PGRST100 for an unknown operator and 42703 for an unknown column", async () => {
    const bad = await db().from("rest_children").select("id").filter("id", "equals", "1");
    expect(bad.status).toBe(400);
    expect(bad.error?.code).toBe("PGRST100");
    const unknown = await db().from("rest_children").select("id").eq("nope", 1);
    expect(unknown.status).toBe(400);
    expect(unknown.error).toMatchObject({ code: "42703", message: "column rest_children.nope does not exist" });
  });

  it("answers 400 22P02 for a value of the wrong type", async () => {
    const { error, status } = await db().from("rest_children").select("id").eq("id", "abc");
    expect(status).toBe(400);
    expect(error).toMatchObject({ code: "22P02", message: 'invalid input syntax for type bigint: "abc"' });
  });
});

describe("order, paging and counts", () => {
  it("orders with nulls first/last", async () => {
    const first = await db().from("rest_children").select("id").order("score", { ascending: false, nullsFirst: true });
    expect(first.data).toEqual([{ id: 2 }, { id: 3 }, { id: 1 }]);
    const last = await db().from("rest_children").select("id").order("score", { ascending: true, nullsFirst: false });
    expect(last.data).toEqual([{ id: 1 }, { id: 3 }, { id: 2 }]);
  });

  it("pages with range() and reports exact counts (206 for a partial page)", async () => {
    const { data, count, status } = await db()
      .from("rest_parents")
      .select("id", { count: "exact" })
      .order("id")
      .range(1, 1);
    expect(data).toEqual([{ id: 2 }]);
    expect(count).toBe(3);
    expect(status).toBe(206);
    // The planner's estimate (rest-formats has the details): 206 when it is more than the 3 rows answered.
    const planned = await db().from("rest_parents").select("id", { count: "planned" }).order("id");
    expect(planned.count).toEqual(expect.any(Number));
    expect(planned.status).toBe((planned.count ?? 0) > 3 ? 206 : 200);
  });

  it("answers HEAD with a count and no body", async () => {
    const { data, count, status } = await db().from("rest_children").select("*", { count: "exact", head: true });
    expect(status).toBe(200);
    expect(data).toBeNull();
    expect(count).toBe(3);
  });

  it("sends Content-Range on every read, and 416 past the end with a count", async () => {
    const response = await rest("/rest_parents?select=id&order=id&limit=2");
    expect(response.headers.get("content-range")).toBe("0-1/*");
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    const past = await rest("/rest_parents?select=id&offset=10", { headers: { Prefer: "count=exact" } });
    expect(past.status).toBe(416);
    expect((await past.json()).code).toBe("PGRST103");
  });

  it("honours a Range header", async () => {
    const response = await rest("/rest_parents?select=id&order=id", {
      headers: { Range: "1-2", "Range-Unit": "items" },
    });
    expect(await response.json()).toEqual([{ id: 2 }, { id: 3 }]);
    expect(response.headers.get("content-range")).toBe("1-2/*");
  });
});

describe("singular responses", () => {
  it("single() returns one object with the pgrst object content type", async () => {
    const response = await rest("/rest_parents?select=name&id=eq.2", {
      headers: { Accept: "application/vnd.pgrst.object+json" },
    });
    expect(response.headers.get("content-type")).toBe("application/vnd.pgrst.object+json; charset=utf-8");
    expect(await response.json()).toEqual({ name: "beta" });
  });

  it("single() on zero or many rows is 406 PGRST116", async () => {
    const none = await db().from("rest_parents").select("id").eq("id", 999).single();
    expect(none.status).toBe(406);
    expect(none.error).toMatchObject({
      code: "PGRST116",
      details: "The result contains 0 rows",
      message: "Cannot coerce the result to a single JSON object",
    });
    const many = await db().from("rest_parents").select("id").single();
    expect(many.error?.details).toBe("The result contains 3 rows");
  });

  it("stripNulls() leaves out null-valued keys", async () => {
    const { data } = await db().from("rest_children").select("id, score").eq("id", 2).stripNulls();
    expect(data).toEqual([{ id: 2 }]);
    const single = await db().from("rest_children").select("id, score").eq("id", 2).stripNulls().single();
    expect(single.data).toEqual({ id: 2 });
  });

  it("maybeSingle() gives null for no row", async () => {
    const { data, error } = await db().from("rest_parents").select("id").eq("id", 999).maybeSingle();
    expect(error).toBeNull();
    expect(data).toBeNull();
  });
});

describe("read errors", () => {
  it("answers 404 PGRST205 with a hint for an unknown table", async () => {
    const { error, status } = await db().from("rest_parent").select("*");
    expect(status).toBe(404);
    expect(error).toMatchObject({
      code: "PGRST205",
      message: "Could not find the table 'public.rest_parent' in the schema cache",
      hint: "Perhaps you meant the table 'public.rest_parents'",
    });
  });

  it("answers 400 PGRST100 for an unparsable select", async () => {
    const { error, status } = await db().from("rest_parents").select("id,,name");
    expect(status).toBe(400);
    expect(error?.code).toBe("PGRST100");
    expect(error?.message).toContain("failed to parse select parameter");
  });

  it("answers 406 PGRST106 for a schema that is not exposed", async () => {
    const { error, status } = await db().schema("auth").from("users").select("id");
    expect(status).toBe(406);
    expect(error?.code).toBe("PGRST106");
  });
});
