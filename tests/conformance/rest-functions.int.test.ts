/**
 * Functions as PostgREST sees them: unnamed arguments (a lone json/jsonb/text argument takes the body,
 * other unnamed ones leave the function out), overloads and PostgREST's wording of PGRST202/PGRST203,
 * and functions over a table's row as computed columns and computed relationships.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rest, runFixture } from "./rest-support";

beforeAll(() => runFixture("rest_functions.sql", "rest_fn_items", true));
afterAll(() => runFixture("rest_functions_drop.sql", "rest_fn_items", false));

async function get(path: string): Promise<{ status: number; body: unknown }> {
  const res = await rest(path);
  return { status: res.status, body: (await res.json()) as unknown };
}

async function call(name: string, body: unknown): Promise<{ status: number; body: unknown }> {
  const res = await rest(`/rpc/${name}`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as unknown) : null };
}

describe("unnamed arguments", () => {
  it("passes the whole body to a lone unnamed text argument named by the empty key", async () => {
    expect(await call("rest_fn_echo", { "": "hi" })).toEqual({ status: 200, body: '{"":"hi"}' });
  });

  it("passes any body to a lone unnamed jsonb argument", async () => {
    expect(await call("rest_fn_key_count", { a: 1, b: 2 })).toEqual({ status: 200, body: 2 });
  });

  it("leaves out a function whose unnamed argument no body can name (404 PGRST202, never SQL)", async () => {
    expect(await call("rest_fn_echoes", { "": 1 })).toEqual({
      status: 404,
      body: {
        code: "PGRST202",
        message: "Could not find the function public.rest_fn_echoes() in the schema cache",
        details:
          "Searched for the function public.rest_fn_echoes with parameter  or with a single unnamed json/jsonb parameter, but no matches were found in the schema cache.",
        hint: "Perhaps you meant to call the function public.rest_fn_echo",
      },
    });
  });

  it("calls the unnamed overload with a default when the empty key is given, else cannot choose", async () => {
    expect(await call("rest_fn_greeting", { "": "x" })).toEqual({ status: 200, body: 'hello {"":"x"}' });
    expect(await call("rest_fn_greeting", {})).toEqual({
      status: 300,
      body: {
        code: "PGRST203",
        message:
          "Could not choose the best candidate function between: public.rest_fn_greeting(), public.rest_fn_greeting( => text)",
        details: null,
        hint: "Try renaming the parameters or the function itself in the database so function overloading can be resolved",
      },
    });
  });
});

describe("overloads", () => {
  it("lists ambiguous candidates in PostgREST's order (by argument type), not creation order", async () => {
    const { status, body } = await call("rest_fn_shape", { a: "x" });
    expect(status).toBe(300);
    expect(body).toMatchObject({
      code: "PGRST203",
      message:
        "Could not choose the best candidate function between: public.rest_fn_shape(a => integer), public.rest_fn_shape(a => text)",
    });
  });

  it("hints at the closest argument list of the function", async () => {
    expect(await call("rest_fn_area", { w: 2 })).toEqual({
      status: 404,
      body: {
        code: "PGRST202",
        message: "Could not find the function public.rest_fn_area(w) in the schema cache",
        details:
          "Searched for the function public.rest_fn_area with parameter w or with a single unnamed json/jsonb parameter, but no matches were found in the schema cache.",
        hint: "Perhaps you meant to call the function public.rest_fn_area(h, w)",
      },
    });
    expect(await call("rest_fn_area", { w: 2, h: 3 })).toEqual({ status: 200, body: 6 });
  });

  it("gives no hint when nothing is close, and no json/jsonb wording over GET", async () => {
    const res = await rest("/rpc/rest_fn_zzzz_qqqq?x=1");
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({
      code: "PGRST202",
      message: "Could not find the function public.rest_fn_zzzz_qqqq(x) in the schema cache",
      details:
        "Searched for the function public.rest_fn_zzzz_qqqq with parameter x, but no matches were found in the schema cache.",
      hint: null,
    });
  });
});

describe("computed columns", () => {
  it("selects, filters and orders by a function over the row, which * leaves out", async () => {
    expect(await get("/rest_fn_items?select=id,rest_fn_item_code&rest_fn_item_code=eq.KET")).toEqual({
      status: 200,
      body: [{ id: 1, rest_fn_item_code: "KET" }],
    });
    const ordered = await get("/rest_fn_items?select=code:rest_fn_item_code&order=rest_fn_item_code.desc");
    expect(ordered.body).toEqual([{ code: "TEA" }, { code: "SPA" }, { code: "KET" }]);
    expect((await get("/rest_fn_items?select=*&id=eq.1")).body).toEqual([{ id: 1, shelf_id: 1, title: "Kettle" }]);
  });

  it("reads them on rows just written, and still answers 42703 for a name that is neither", async () => {
    const res = await rest("/rest_fn_items?select=id,rest_fn_item_code", {
      method: "POST",
      headers: { "Content-Type": "application/json", Prefer: "return=representation" },
      body: JSON.stringify({ id: 9, shelf_id: 2, title: "Hammer" }),
    });
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual([{ id: 9, rest_fn_item_code: "HAM" }]);
    await rest("/rest_fn_items?id=eq.9", { method: "DELETE" });
    expect(await get("/rest_fn_items?select=nope")).toEqual({
      status: 400,
      body: { code: "42703", message: "column rest_fn_items.nope does not exist", details: null, hint: null },
    });
  });

  it("cannot be called as rpc: an unnamed row argument leaves the function out (404 PGRST202)", async () => {
    const { status, body } = await call("rest_fn_item_code", { id: 1 });
    expect(status).toBe(404);
    expect(body).toMatchObject({
      code: "PGRST202",
      message: "Could not find the function public.rest_fn_item_code(id) in the schema cache",
    });
  });
});

describe("computed relationships", () => {
  it("embeds a setof function as an array, with its own filters, order and computed columns", async () => {
    const res = await get(
      "/rest_fn_shelves?select=label,items:rest_fn_shelf_items(title,rest_fn_item_code)&items.order=title.desc&order=id",
    );
    expect(res.body).toEqual([
      {
        label: "Kitchen",
        items: [
          { title: "Teapot", rest_fn_item_code: "TEA" },
          { title: "Kettle", rest_fn_item_code: "KET" },
        ],
      },
      { label: "Garage", items: [{ title: "Spanner", rest_fn_item_code: "SPA" }] },
    ]);
  });

  it("embeds `rows 1` and non-setof functions as one object", async () => {
    const first = await get("/rest_fn_shelves?select=label,first:rest_fn_first_item(title)&order=id");
    expect(first.body).toEqual([
      { label: "Kitchen", first: { title: "Kettle" } },
      { label: "Garage", first: { title: "Spanner" } },
    ]);
    const home = await get("/rest_fn_items?select=title,rest_fn_home(label)&id=eq.3");
    expect(home.body).toEqual([{ title: "Spanner", rest_fn_home: { label: "Garage" } }]);
  });

  it("embeds from a view, and filters the parent with !inner", async () => {
    const fromView = await get("/rest_fn_kitchen?select=label,rest_fn_kitchen_items(id)");
    expect(fromView.body).toEqual([{ label: "Kitchen", rest_fn_kitchen_items: [{ id: 1 }, { id: 2 }] }]);
    const inner = await get(
      "/rest_fn_shelves?select=label,rest_fn_shelf_items!inner(title)&rest_fn_shelf_items.title=eq.Spanner",
    );
    expect(inner.body).toEqual([{ label: "Garage", rest_fn_shelf_items: [{ title: "Spanner" }] }]);
  });

  it("is not found from a table the function does not take (400 PGRST200)", async () => {
    const { status, body } = await get("/rest_fn_items?select=rest_fn_shelf_items(*)");
    expect(status).toBe(400);
    expect(body).toMatchObject({
      code: "PGRST200",
      message: "Could not find a relationship between 'rest_fn_items' and 'rest_fn_shelf_items' in the schema cache",
    });
  });
});
