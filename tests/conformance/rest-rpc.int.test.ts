/** rpc through supabase-js: scalar, set-returning, composite and void functions, GET and POST, errors. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dropFixtures, loadFixtures, rest, serviceClient, sql } from "./rest-support";

const db = () => serviceClient();

beforeAll(loadFixtures);
afterAll(dropFixtures);

describe("rpc", () => {
  it("returns a scalar (POST and GET, defaults honoured)", async () => {
    expect((await db().rpc("rest_add", { a: 2 })).data).toBe(3);
    expect((await db().rpc("rest_add", { a: 2, b: 5 }, { get: true })).data).toBe(7);
  });

  it("returns a set of scalars, paged", async () => {
    const { data, count } = await db().rpc("rest_series", { n: 5 }, { count: "exact" }).range(1, 2);
    expect(data).toEqual([2, 3]);
    expect(count).toBe(5);
  });

  it("returns rows of a table type, with select, filters, order and embeds", async () => {
    const { data, error } = await db()
      .rpc("rest_parents_like", { pattern: "%a%" })
      .select("name, rest_children(title)")
      .neq("name", "gamma")
      .order("name", { ascending: false });
    expect(error).toBeNull();
    expect(data).toEqual([
      { name: "beta", rest_children: [{ title: "third child" }] },
      { name: "alpha", rest_children: [{ title: "first child" }, { title: "second child" }] },
    ]);
  });

  it("returns one composite as an object", async () => {
    const { data } = await db().rpc("rest_first_parent").select("id, name");
    expect(data).toEqual({ id: 1, name: "alpha" });
  });

  it("answers 204 for a void function", async () => {
    const { data, error, status } = await db().rpc("rest_noop");
    expect(error).toBeNull();
    expect(status).toBe(204);
    expect(data).toBeNull();
  });

  it("passes RAISE EXCEPTION through as 400 P0001 with detail and hint", async () => {
    const { error, status } = await db().rpc("rest_fail", { message: "no way" });
    expect(status).toBe(400);
    expect(error).toEqual({ code: "P0001", message: "no way", details: "from rest_fail", hint: "try again" });
  });

  it("answers 404 PGRST202 for an unknown function or argument set", async () => {
    const unknown = await db().rpc("rest_nope", { x: 1 });
    expect(unknown.status).toBe(404);
    expect(unknown.error).toMatchObject({
      code: "PGRST202",
      message: "Could not find the function public.rest_nope(x) in the schema cache",
    });
    const badArgs = await db().rpc("rest_add", { z: 1 });
    expect(badArgs.error?.code).toBe("PGRST202");
  });

  it("runs a volatile function read-only over GET (405) and read-write over POST", async () => {
    const viaGet = await db().rpc("rest_bump", { parent: 2 }, { get: true });
    expect(viaGet.status).toBe(405);
    expect(viaGet.error?.code).toBe("25006");
    const before = await sql<{ score: string }>("select score from public.rest_children where id = 3");
    expect((await db().rpc("rest_bump", { parent: 2 })).status).toBe(200);
    const after = await sql<{ score: string }>("select score from public.rest_children where id = 3");
    expect(Number(after[0]?.score)).toBe(Number(before[0]?.score) + 1);
  });

  it("turns a wrongly typed argument into 400 22P02", async () => {
    const response = await rest("/rpc/rest_add?a=abc", {});
    expect(response.status).toBe(400);
    expect((await response.json()).code).toBe("22P02");
  });
});
