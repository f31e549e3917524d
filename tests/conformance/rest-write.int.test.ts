/**
 * REST writes through the unmodified supabase-js: insert (single, bulk, columns, missing=default),
 * upsert (merge / ignore), update, delete, Prefer return/count, singular rollback, and the
 * write-side errors (safeupdate, constraints, unknown columns, bad bodies).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { dropFixtures, loadFixtures, rest, serviceClient, sql } from "./rest-support";

const db = () => serviceClient();

beforeAll(loadFixtures);
afterAll(dropFixtures);
beforeEach(async () => {
  await sql("delete from public.rest_children where id > 3; delete from public.rest_parents where id > 3");
});

async function childTitles(): Promise<string[]> {
  return (await sql<{ title: string }>("select title from public.rest_children order by id")).map((r) => r.title);
}

describe("insert", () => {
  it("inserts one row: 201, empty body without select()", async () => {
    const { data, error, status } = await db().from("rest_children").insert({ parent_id: 3, title: "fourth" });
    expect(error).toBeNull();
    expect(status).toBe(201);
    expect(data).toBeNull();
    expect(await childTitles()).toContain("fourth");
  });

  it("returns the row with select(), defaults filled by the database", async () => {
    const { data, status } = await db()
      .from("rest_children")
      .insert({ parent_id: 3, title: "fifth" })
      .select("title, done, parent:rest_parents(name)")
      .single();
    expect(status).toBe(201);
    expect(data).toEqual({ title: "fifth", done: false, parent: { name: "gamma" } });
  });

  it("bulk inserts with columns=: a key missing from a row becomes NULL", async () => {
    const { data, error } = await db()
      .from("rest_children")
      .insert([{ title: "b1", score: 2 }, { title: "b2" }])
      .select("title, score");
    expect(error).toBeNull();
    expect(data).toEqual([
      { title: "b1", score: 2 },
      { title: "b2", score: null },
    ]);
  });

  it("with defaultToNull: false a missing key takes the column default", async () => {
    const { data, error } = await db()
      .from("rest_children")
      .insert([{ title: "d1", done: true }, { title: "d2" }], { defaultToNull: false })
      .select("title, done");
    expect(error).toBeNull();
    expect(data).toEqual([
      { title: "d1", done: true },
      { title: "d2", done: false },
    ]);
  });

  it("reports the inserted count with count: exact", async () => {
    const { count, status } = await db()
      .from("rest_children")
      .insert([{ title: "c1" }, { title: "c2" }], { count: "exact" });
    expect(status).toBe(201);
    expect(count).toBe(2);
  });

  it("sends Location for return=headers-only", async () => {
    const response = await rest("/rest_parents", {
      method: "POST",
      headers: { "Content-Type": "application/json", Prefer: "return=headers-only" },
      body: JSON.stringify({ id: 50, name: "located" }),
    });
    expect(response.status).toBe(201);
    expect(response.headers.get("location")).toBe("/rest_parents?id=eq.50");
  });

  it("refuses rows whose keys differ without columns= (400 PGRST102)", async () => {
    const response = await rest("/rest_children", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify([{ title: "a" }, { title: "b", done: true }]),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: "PGRST102", message: "All object keys must match" });
  });
});

describe("upsert", () => {
  it("merges duplicates on the primary key", async () => {
    const { data, error } = await db()
      .from("rest_parents")
      .upsert({ id: 3, name: "gamma", tags: ["merged"] })
      .select("id, tags")
      .single();
    expect(error).toBeNull();
    expect(data).toEqual({ id: 3, tags: ["merged"] });
  });

  it("merges on another unique column with onConflict", async () => {
    const { data } = await db()
      .from("rest_parents")
      .upsert([{ name: "beta", meta: { v: 2 } }, { name: "delta" }], { onConflict: "name" })
      .select("name, meta");
    expect(data).toEqual([
      { name: "beta", meta: { v: 2 } },
      { name: "delta", meta: null },
    ]);
  });

  it("ignores duplicates with ignoreDuplicates", async () => {
    const { data, error } = await db()
      .from("rest_parents")
      .upsert(
        [
          { id: 1, name: "alpha" },
          { id: 60, name: "sixty" },
        ],
        { ignoreDuplicates: true },
      )
      .select("id");
    expect(error).toBeNull();
    expect(data).toEqual([{ id: 60 }]);
    expect((await sql("select tags from public.rest_parents where id = 1"))[0]).toEqual({ tags: ["red", "green"] });
  });
});

describe("update and delete", () => {
  it("updates matching rows: 204 without select(), rows with it", async () => {
    const plain = await db().from("rest_children").update({ score: 9 }).eq("id", 3);
    expect(plain.status).toBe(204);
    const { data, status } = await db()
      .from("rest_children")
      .update({ done: true })
      .eq("id", 3)
      .select("id, done, score");
    expect(status).toBe(200);
    expect(data).toEqual([{ id: 3, done: true, score: 9 }]);
    await sql("update public.rest_children set done = false, score = 3 where id = 3");
  });

  it("deletes with a count and returns deleted rows on request", async () => {
    await sql("insert into public.rest_children (id, title) values (40, 'gone'), (41, 'gone too')");
    const { count, status } = await db().from("rest_children").delete({ count: "exact" }).eq("id", 40);
    expect(status).toBe(204);
    expect(count).toBe(1);
    const { data } = await db().from("rest_children").delete().in("id", [41]).select("title");
    expect(data).toEqual([{ title: "gone too" }]);
    expect(await childTitles()).not.toContain("gone too");
  });

  it("limits an update or delete to the first n rows of an order", async () => {
    await sql("insert into public.rest_children (id, title) values (50, 'lim'), (51, 'lim'), (52, 'lim')");
    const { data, error } = await db()
      .from("rest_children")
      .delete()
      .eq("title", "lim")
      .order("id", { ascending: false })
      .limit(2)
      .select("id");
    expect(error).toBeNull();
    expect((data as { id: number }[]).map((r) => r.id).sort()).toEqual([51, 52]);
    expect(await sql("select id::int from public.rest_children where title = 'lim'")).toEqual([{ id: 50 }]);
  });

  it("refuses an unfiltered update or delete with 400 21000 (safeupdate)", async () => {
    const update = await rest("/rest_children", {
      method: "PATCH",
      headers: { "Content-Type": "application/json" },
      body: '{"done":true}',
    });
    expect(update.status).toBe(400);
    expect(await update.json()).toMatchObject({ code: "21000", message: "UPDATE requires a WHERE clause" });
    const unfiltered = await rest("/rest_children", { method: "DELETE" });
    expect(unfiltered.status).toBe(400);
    expect(await unfiltered.json()).toMatchObject({ code: "21000", message: "DELETE requires a WHERE clause" });
  });
});

describe("singular mutations", () => {
  it("rolls back an update that touches more than one row under single()", async () => {
    const { error, status } = await db()
      .from("rest_children")
      .update({ title: "renamed" })
      .lte("id", 2)
      .select()
      .single();
    expect(status).toBe(406);
    expect(error).toMatchObject({ code: "PGRST116", details: "The result contains 2 rows" });
    expect(await childTitles()).not.toContain("renamed");
  });

  it("rolls back an insert of two rows under single()", async () => {
    const { status } = await db()
      .from("rest_children")
      .insert([{ title: "s1" }, { title: "s2" }])
      .select()
      .single();
    expect(status).toBe(406);
    expect(await childTitles()).not.toContain("s1");
  });
});

describe("write errors", () => {
  type Client = ReturnType<typeof db>;
  const cases: [
    string,
    (c: Client) => PromiseLike<{ status: number; error: { code: string; message: string } | null }>,
    number,
    string,
  ][] = [
    ["unique violation → 409 23505", (c) => c.from("rest_parents").insert({ id: 70, name: "alpha" }), 409, "23505"],
    [
      "foreign key violation → 409 23503",
      (c) => c.from("rest_children").insert({ parent_id: 12345, title: "orphan" }),
      409,
      "23503",
    ],
    ["check violation → 400 23514", (c) => c.from("rest_children").insert({ title: "x".repeat(41) }), 400, "23514"],
    ["not-null violation → 400 23502", (c) => c.from("rest_parents").insert({ id: 71, name: null }), 400, "23502"],
    ["wrong type → 400 22P02", (c) => c.from("rest_parents").insert({ id: "seventy", name: "x" }), 400, "22P02"],
  ];

  it.each(cases)("%s", async (_name, run, status, code) => {
    const result = await run(db());
    expect(result.status).toBe(status);
    expect(result.error?.code).toBe(code);
    expect(result.error?.message.length).toBeGreaterThan(0);
  });

  it("answers 400 PGRST204 for a body column the table does not have", async () => {
    const { error, status } = await db().from("rest_children").insert({ title: "x", nope: 1 });
    expect(status).toBe(400);
    expect(error).toMatchObject({
      code: "PGRST204",
      message: "Could not find the 'nope' column of 'rest_children' in the schema cache",
    });
  });

  it("answers 400 PGRST102 for a body that is not JSON", async () => {
    const response = await rest("/rest_children", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: "{oops",
    });
    expect(response.status).toBe(400);
    expect((await response.json()).code).toBe("PGRST102");
  });

  it("leaves no half-written rows when one row of a bulk insert fails", async () => {
    const { status } = await db()
      .from("rest_children")
      .insert([{ title: "ok row" }, { title: "y".repeat(41) }]);
    expect(status).toBe(400);
    expect(await childTitles()).not.toContain("ok row");
  });

  it("refuses an oversized body with 413", async () => {
    const response = await rest("/rest_children", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ title: "z".repeat(2 * 1024 * 1024) }),
    });
    expect(response.status).toBe(413);
  });
});
