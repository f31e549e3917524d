/**
 * Output formats and counts, as PostgREST answers them: `text/csv` (a header of column names, rows in
 * Postgres's record text), `application/vnd.pgrst.plan` (EXPLAIN of the statement the request would
 * run; 406 unless `pgrst.db_plan_enabled`), and `Prefer: count=planned|estimated` (the planner's row
 * estimate; exact up to db-max-rows).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { configure, rest, runFixture, serviceClient, sql } from "./rest-support";

beforeAll(() => runFixture("rest_formats.sql", "rest_fmt_items", true));
afterAll(() => runFixture("rest_formats_drop.sql", "rest_fmt_items", false));

const CSV_ITEMS = [
  "id,name,tags,span,meta,note",
  '1,plain,"{a,b}","[1,5)","{""k"": ""v""}",',
  '2,"with, comma",{},,,"say ""hi"""',
  '3,"back\\\\slash",,empty,"[1, 2]",""',
  '4,"two\nlines","{""x y""}","[2,3)",null,"(paren)"',
].join("\n");

const PLAN_JSON = "application/vnd.pgrst.plan+json";
const planAvailable = async () => (await rest("/rest_fmt_items", { headers: { Accept: PLAN_JSON } })).status === 200;

describe("text/csv", () => {
  it("answers a header of column names and one line per row, quoted as Postgres quotes a record", async () => {
    const res = await rest("/rest_fmt_items?order=id", { headers: { Accept: "text/csv" } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(await res.text()).toBe(CSV_ITEMS);
    const { data, error } = await serviceClient().from("rest_fmt_items").select("id,label:name").lte("id", 2).csv();
    expect(error).toBeNull();
    expect(data).toBe('id,label\n1,plain\n2,"with, comma"');
  });

  it("answers a lone newline for no rows, and CSV for rows a write returns or a function's rows", async () => {
    expect(await (await rest("/rest_fmt_items?id=eq.99", { headers: { Accept: "text/csv" } })).text()).toBe("\n");
    const created = await rest("/rest_fmt_items?select=id,name", {
      method: "POST",
      headers: { Accept: "text/csv", Prefer: "return=representation", "Content-Type": "application/json" },
      body: JSON.stringify({ id: 10, name: "new, row" }),
    });
    expect(created.status).toBe(201);
    expect(created.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(await created.text()).toBe('id,name\n10,"new, row"');
    await sql("delete from public.rest_fmt_items where id = 10");
    const called = await rest("/rpc/rest_fmt_below?n=3", { headers: { Accept: "text/csv" } });
    expect(await called.text()).toBe("n\n1\n2");
  });

  it("refuses a media type it cannot produce with 406 PGRST107, naming it", async () => {
    const res = await rest("/rest_fmt_items", { headers: { Accept: "text/xml, application/x-unknown;v=1" } });
    expect(res.status).toBe(406);
    expect(await res.json()).toEqual({
      code: "PGRST107",
      details: null,
      hint: null,
      // Listed as PostgREST ranks them: by quality, then the more parameters the more specific.
      message: "None of these media types are available: application/x-unknown;v=1, text/xml",
    });
    // The first type it can produce wins, in quality order.
    const chosen = await rest("/rest_fmt_items?id=eq.1&select=id", { headers: { Accept: "text/xml, text/csv;q=0.5" } });
    expect(await chosen.text()).toBe("id\n1");
  });
});

describe("application/vnd.pgrst.plan", () => {
  it("is not available while pgrst.db_plan_enabled is off (PostgREST's and hosted's default)", async () => {
    const res = await rest("/rest_fmt_items", { headers: { Accept: PLAN_JSON } });
    expect(res.status).toBe(406);
    expect(await res.json()).toMatchObject({
      code: "PGRST107",
      message: 'None of these media types are available: application/vnd.pgrst.plan+json; for="application/json"',
    });
    const { data, error } = await serviceClient().from("rest_fmt_items").select().explain();
    expect(data).toBeNull();
    expect(error?.code).toBe("PGRST107");
  });

  describe("with pgrst.db_plan_enabled", () => {
    beforeAll(() => configure("db_plan_enabled", "true", planAvailable));
    afterAll(() => configure("db_plan_enabled", null, async () => !(await planAvailable())));

    it("answers the plan of the read in JSON or text, named in Content-Type", async () => {
      const res = await rest("/rest_fmt_items?id=eq.1", { headers: { Accept: PLAN_JSON } });
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe(
        'application/vnd.pgrst.plan+json; for="application/json"; charset=utf-8',
      );
      const [plan] = (await res.json()) as { Plan: { "Node Type": string; "Total Cost": number } }[];
      expect(plan?.Plan["Node Type"]).toBe("Aggregate");
      expect(plan?.Plan["Total Cost"]).toBeGreaterThan(0);
      const { data } = await serviceClient().from("rest_fmt_items").select().explain();
      expect(data).toMatch(/^Aggregate {2}\(cost=/);
    });

    it("takes options in any order and answers them in PostgREST's; other words are ignored", async () => {
      const accept = `${PLAN_JSON}; for="text/csv"; options=settings|analyze)delete--|verbose`;
      const res = await rest("/rest_fmt_items", { headers: { Accept: accept } });
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe(
        'application/vnd.pgrst.plan+json; for="text/csv"; options=verbose|settings; charset=utf-8',
      );
      const [plan] = (await res.json()) as { Plan: unknown; "Query Identifier": unknown; Settings: unknown }[];
      expect(typeof plan?.["Query Identifier"]).toBe("number");
      expect(plan?.Settings).toMatchObject({ search_path: '"public", "public", "extensions"' });
      expect(await sql("select count(*)::int as n from public.rest_fmt_items")).toEqual([{ n: 4 }]);
    });

    it("refuses a `for` media type it cannot produce with 406 PGRST107", async () => {
      const res = await rest("/rest_fmt_items", { headers: { Accept: `${PLAN_JSON}; for="text/xml"` } });
      expect(res.status).toBe(406);
      expect(await res.json()).toMatchObject({
        message: 'None of these media types are available: application/vnd.pgrst.plan+json; for="text/xml"',
      });
    });

    it("EXPLAIN ANALYZE runs a write, committed as PostgREST commits it unless tx=rollback is honoured", async () => {
      const post = (id: number, prefer = "") =>
        rest("/rest_fmt_items", {
          method: "POST",
          headers: { Accept: `${PLAN_JSON}; options=analyze`, Prefer: prefer, "Content-Type": "application/json" },
          body: JSON.stringify({ id, name: "explained" }),
        });
      const committed = await post(20);
      expect(committed.status).toBe(200);
      const [plan] = (await committed.json()) as { Plan: { "Actual Total Time"?: number } }[];
      expect(plan?.Plan["Actual Total Time"]).toEqual(expect.any(Number));
      expect(await sql("select id from public.rest_fmt_items where id = 20")).toEqual([{ id: 20 }]);
      await configure("db_tx_end", "commit-allow-override", async () => {
        const res = await post(21, "tx=rollback");
        const kept = (await sql("select id from public.rest_fmt_items where id = 21")).length > 0;
        await sql("delete from public.rest_fmt_items where id = 21");
        return res.status === 200 && !kept;
      });
      await configure("db_tx_end", null, async () => true);
      await sql("delete from public.rest_fmt_items where id in (20, 21)");
    });
  });
});

describe("Prefer: count=planned | estimated", () => {
  const planRows = async (where: string) => {
    const [row] = await sql<{ "QUERY PLAN": [{ Plan: { "Plan Rows": number } }] }>(
      `explain (format json) select 1 from public.rest_fmt_numbers where ${where}`,
    );
    return row?.["QUERY PLAN"][0].Plan["Plan Rows"];
  };

  it("planned is the planner's estimate: a head request over a capped page answers 206", async () => {
    const res = await rest("/rest_fmt_numbers", { method: "HEAD", headers: { Prefer: "count=planned" } });
    expect(res.status).toBe(206);
    expect(res.headers.get("content-range")).toBe("0-999/2000");
    const { count, status } = await serviceClient()
      .from("rest_fmt_numbers")
      .select("*", { count: "planned", head: true })
      .lt("n", 100);
    expect(count).toBe(await planRows("n < 100"));
    expect(status).toBe(count === 99 ? 200 : 206);
  });

  it("estimated is exact up to db-max-rows, then the larger of that and the planner's estimate", async () => {
    const small = await serviceClient().from("rest_fmt_numbers").select("n", { count: "estimated" }).lt("n", 100);
    expect([small.count, small.status]).toEqual([99, 200]);
    const large = await rest("/rest_fmt_numbers?n=gt.0&limit=1", { headers: { Prefer: "count=estimated" } });
    expect(large.status).toBe(206);
    expect(large.headers.get("content-range")).toBe(`0-0/${Math.max(1001, (await planRows("n > 0")) ?? 0)}`);
  });

  it("a function call counts exactly for estimated and not at all for planned, as PostgREST", async () => {
    const planned = await rest("/rpc/rest_fmt_below?n=10", { headers: { Prefer: "count=planned" } });
    expect(planned.headers.get("content-range")).toBe("0-8/*");
    const estimated = await rest("/rpc/rest_fmt_below?n=10", { headers: { Prefer: "count=estimated" } });
    expect(estimated.headers.get("content-range")).toBe("0-8/9");
  });
});
