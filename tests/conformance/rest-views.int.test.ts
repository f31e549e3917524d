/**
 * Relationships of views, as PostgREST infers them from the view's query: a view column that is a
 * plain reference to a table column carries that column's foreign keys and primary key, so views
 * embed tables, tables embed views and views embed views; renamed columns map back, expressions and
 * unions carry nothing, a column referenced twice gives two relationships.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rest, runFixture } from "./rest-support";

beforeAll(() => runFixture("rest_views.sql", "rest_v_item_list", true));
afterAll(() => runFixture("rest_views_drop.sql", "rest_v_item_list", false));

async function get(path: string, headers: Record<string, string> = {}): Promise<{ status: number; body: unknown }> {
  const res = await rest(path, { headers });
  return { status: res.status, body: (await res.json()) as unknown };
}

describe("foreign keys of and through views", () => {
  it("embeds the table a view's renamed column references (view → table), by table or column name", async () => {
    expect((await get("/rest_v_item_list?select=title,rest_v_shelves(name)&order=id")).body).toEqual([
      { title: "Pan", rest_v_shelves: { name: "Kitchen" } },
      { title: "Kettle", rest_v_shelves: { name: "Kitchen" } },
      { title: "Drill", rest_v_shelves: { name: "Garage" } },
      { title: "Box", rest_v_shelves: null },
    ]);
    expect((await get("/rest_v_item_list?select=title,shelf(name)&id=eq.3")).body).toEqual([
      { title: "Drill", shelf: { name: "Garage" } },
    ]);
  });

  it("embeds a view from a table (table → view), and its rows the other way (one-to-many)", async () => {
    expect((await get("/rest_v_items?select=title,rest_v_shelf_list(shelf,name)&id=eq.1")).body).toEqual([
      { title: "Pan", rest_v_shelf_list: { shelf: 1, name: "Kitchen" } },
    ]);
    const inverse = await get(
      "/rest_v_shelf_list?select=name,rest_v_item_list(title)&order=shelf&rest_v_item_list.order=id",
    );
    expect(inverse.body).toEqual([
      { name: "Kitchen", rest_v_item_list: [{ title: "Pan" }, { title: "Kettle" }] },
      { name: "Garage", rest_v_item_list: [{ title: "Drill" }] },
    ]);
  });

  it("embeds view → view, through a view over a view, and over tables of a schema the API does not expose", async () => {
    expect((await get("/rest_v_item_list?select=title,rest_v_shelf_list(name)&id=eq.2")).body).toEqual([
      { title: "Kettle", rest_v_shelf_list: { name: "Kitchen" } },
    ]);
    expect((await get("/rest_v_item_list2?select=title,rest_v_shelves(name)&title=eq.Drill")).body).toEqual([
      { title: "Drill", rest_v_shelves: { name: "Garage" } },
    ]);
    expect(
      (await get("/rest_v_people?select=name,rest_v_notes(body)&order=person&rest_v_notes.order=id")).body,
    ).toEqual([
      { name: "Ada", rest_v_notes: [{ body: "first" }, { body: "second" }] },
      { name: "Grace", rest_v_notes: [{ body: "third" }] },
    ]);
  });

  it("embeds many-to-many from a view through a junction table", async () => {
    expect((await get("/rest_v_item_list?select=title,rest_v_tags(name)&id=eq.3&rest_v_tags.order=id")).body).toEqual([
      { title: "Drill", rest_v_tags: [{ name: "metal" }, { name: "tool" }] },
    ]);
    expect(
      (await get("/rest_v_tags?select=name,rest_v_item_list(title)&id=eq.1&rest_v_item_list.order=id")).body,
    ).toEqual([{ name: "metal", rest_v_item_list: [{ title: "Pan" }, { title: "Drill" }] }]);
  });

  it("finds a view only by its name: a constraint or column name reaches the tables alone", async () => {
    // rest_v_items has two candidates for its foreign key: the table rest_v_shelves and the view
    // rest_v_shelf_list. The constraint or column name picks the table, as on PostgREST.
    expect((await get("/rest_v_items?select=rest_v_items_shelf_id_fkey(name),shelf_id(id)&id=eq.3")).body).toEqual([
      { rest_v_items_shelf_id_fkey: { name: "Garage" }, shelf_id: { id: 2 } },
    ]);
    // Here the only target is a view.
    expect(await get("/rest_v_notes?select=notes_author_fkey(*)")).toEqual({
      status: 400,
      body: {
        code: "PGRST200",
        message: "Could not find a relationship between 'rest_v_notes' and 'notes_author_fkey' in the schema cache",
        details:
          "Searched for a foreign key relationship between 'rest_v_notes' and 'notes_author_fkey' in the schema 'public', but no matches were found.",
        hint: null,
      },
    });
  });

  it("gives an expression column or a union's columns no foreign key (PGRST200)", async () => {
    for (const view of ["rest_v_item_exprs", "rest_v_item_union"]) {
      const { status, body } = await get(`/${view}?select=rest_v_shelves(*)`);
      expect(status).toBe(400);
      expect(body).toMatchObject({
        code: "PGRST200",
        message: `Could not find a relationship between '${view}' and 'rest_v_shelves' in the schema cache`,
      });
    }
  });

  it("makes a foreign-key column referenced twice two relationships: 300 PGRST201, then the column hint picks one", async () => {
    expect(await get("/rest_v_item_twice?select=rest_v_shelves(*)")).toEqual({
      status: 300,
      body: {
        code: "PGRST201",
        message:
          "Could not embed because more than one relationship was found for 'rest_v_item_twice' and 'rest_v_shelves'",
        details: ["first", "second"].map((column) => ({
          cardinality: "many-to-one",
          embedding: "rest_v_item_twice with rest_v_shelves",
          relationship: `rest_v_items_shelf_id_fkey using rest_v_item_twice(${column}) and rest_v_shelves(id)`,
        })),
        hint: "Try changing 'rest_v_shelves' to one of the following: 'rest_v_shelves!rest_v_items_shelf_id_fkey', 'rest_v_shelves!rest_v_items_shelf_id_fkey'. Find the desired relationship in the 'details' key.",
      },
    });
    expect((await get("/rest_v_item_twice?select=title,rest_v_shelves!second(name)&id=eq.1")).body).toEqual([
      { title: "Pan", rest_v_shelves: { name: "Kitchen" } },
    ]);
  });

  it("gives a view its table's primary key: Location of an insert through it", async () => {
    const res = await rest("/rest_v_shelf_list", {
      method: "POST",
      headers: { "Content-Type": "application/json", Prefer: "return=headers-only" },
      body: JSON.stringify({ shelf: 3, name: "Attic" }),
    });
    expect(res.status).toBe(201);
    expect(res.headers.get("location")).toBe("/rest_v_shelf_list?shelf=eq.3");
  });
});
