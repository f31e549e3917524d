/**
 * `pgrst.db_max_rows` set in the database (`alter role authenticator set …`, as a migration may on
 * hosted): it caps reads and set-returning calls as the stack's `[api] max_rows` does, overrides it,
 * and a database's own setting of the role overrides the role-wide one.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { configure, rest, runFixture, sql } from "./rest-support";

beforeAll(() => runFixture("rest_max_rows.sql", "rest_mr_items", true));
afterAll(() => runFixture("rest_max_rows_drop.sql", "rest_mr_items", false));

const rowsOf = async (path: string) => ((await (await rest(path)).json()) as unknown[]).length;

describe("pgrst.db_max_rows in the database", () => {
  beforeAll(() => configure("db_max_rows", "10", async () => (await rowsOf("/rest_mr_items")) === 10));
  afterAll(() => configure("db_max_rows", null, async () => (await rowsOf("/rest_mr_items")) === 1000));

  it("caps an unbounded read and a larger limit, not a smaller one", async () => {
    const res = await rest("/rest_mr_items?select=id&order=id", { headers: { Prefer: "count=exact" } });
    expect(res.status).toBe(206);
    expect(res.headers.get("content-range")).toBe("0-9/1005");
    expect(((await res.json()) as { id: number }[]).map((r) => r.id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(await rowsOf("/rest_mr_items?limit=20")).toBe(10);
    expect(await rowsOf("/rest_mr_items?limit=4")).toBe(4);
    const paged = await rest("/rest_mr_items?order=id&offset=1000");
    expect(paged.headers.get("content-range")).toBe("1000-1004/*");
  });

  it("caps the rows of a set-returning function, scalar or not", async () => {
    expect(await (await rest("/rpc/rest_mr_upto?n=30")).json()).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(await rowsOf("/rpc/rest_mr_upto?n=30&limit=3")).toBe(3);
    const counted = await rest("/rpc/rest_mr_upto?n=30", { headers: { Prefer: "count=exact" } });
    expect(counted.status).toBe(206);
    expect(counted.headers.get("content-range")).toBe("0-9/30");
  });

  it("is replaced by the role's setting in this database", async () => {
    const inDatabase = (change: string) =>
      sql(
        `do $$ begin execute format('alter role authenticator in database %I ${change}', current_database()); end $$; notify pgrst, 'reload config'`,
      );
    await inDatabase("set pgrst.db_max_rows = 3");
    try {
      for (let attempt = 0; attempt < 50 && (await rowsOf("/rest_mr_items")) !== 3; attempt++)
        await new Promise((resolve) => setTimeout(resolve, 100));
      expect(await rowsOf("/rest_mr_items")).toBe(3);
    } finally {
      await inDatabase("reset pgrst.db_max_rows");
    }
  });

  it("leaves reads uncapped when the value is not a whole number, as PostgREST (not the stack's 1000)", async () => {
    await configure("db_max_rows", "ten", async () => (await rowsOf("/rest_mr_items")) !== 10);
    expect(await rowsOf("/rest_mr_items")).toBe(1005);
    await configure("db_max_rows", "10", async () => (await rowsOf("/rest_mr_items")) === 10);
  });
});
