/**
 * Requests as PostgREST reads them: upserts' status whatever `return`, request bodies by Content-Type
 * (CSV rows, raw bodies to a function's lone unnamed argument), `PUT` as the single-row upsert,
 * `response.headers`/`response.status` set by the statement, `Prefer` as read and echoed, and
 * `pgrst.db_pre_request`. Shares the `rest_formats.sql` fixture with rest-formats.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { configure, rest, runFixture, sql } from "./rest-support";

beforeAll(() => runFixture("rest_formats.sql", "rest_fmt_items", true));
afterAll(() => runFixture("rest_formats_drop.sql", "rest_fmt_items", false));

describe("upsert status, whatever `return`", () => {
  const upsert = (rows: object[], prefer: string) =>
    rest("/rest_fmt_items", {
      method: "POST",
      headers: { Prefer: `resolution=merge-duplicates, ${prefer}`, "Content-Type": "application/json" },
      body: JSON.stringify(rows),
    });

  it("answers 200 when it only updated, 201 when it inserted a row, for minimal and headers-only too", async () => {
    const updated = await upsert([{ id: 1, name: "plain" }], "return=minimal");
    expect([updated.status, await updated.text()]).toEqual([200, ""]);
    const inserted = await upsert([{ id: 40, name: "new" }], "return=minimal");
    expect(inserted.status).toBe(201);
    const both = await upsert(
      [
        { id: 1, name: "plain" },
        { id: 41, name: "new" },
      ],
      "return=minimal",
    );
    expect(both.status).toBe(201);
    const located = await upsert([{ id: 2, name: "with, comma" }], "return=headers-only");
    expect(located.status).toBe(200);
    expect(located.headers.get("location")).toBe("/rest_fmt_items?id=eq.2");
    const represented = await upsert([{ id: 40, name: "again" }], "return=representation");
    expect([represented.status, await represented.json()]).toMatchObject([200, [{ id: 40, name: "again" }]]);
    expect(await sql("select id, name from public.rest_fmt_items where id >= 40 order by id")).toEqual([
      { id: 40, name: "again" },
      { id: 41, name: "new" },
    ]);
    await sql("delete from public.rest_fmt_items where id >= 40");
  });

  it("names no Location for a write of several rows, as PostgREST", async () => {
    const res = await upsert(
      [
        { id: 42, name: "a" },
        { id: 43, name: "b" },
      ],
      "return=headers-only",
    );
    expect(res.status).toBe(201);
    expect(res.headers.get("location")).toBeNull();
    await sql("delete from public.rest_fmt_items where id >= 40");
  });
});

describe("request bodies by Content-Type", () => {
  const post = (path: string, type: string, body: BodyInit, prefer = "return=representation") =>
    rest(path, { method: "POST", headers: { "Content-Type": type, Prefer: prefer }, body });

  it("inserts text/csv rows: a header of columns, NULL for null, quoted fields as RFC 4180", async () => {
    const res = await post(
      "/rest_fmt_items?select=id,name,note",
      "text/csv",
      'id,name,note\r\n60,"a, ""b""",NULL\n61,plain,\n',
    );
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual([
      { id: 60, name: 'a, "b"', note: null },
      { id: 61, name: "plain", note: "" },
    ]);
    const ragged = await post("/rest_fmt_items", "text/csv", "id,name\n62\n");
    expect(ragged.status).toBe(400);
    expect(await ragged.json()).toMatchObject({
      code: "PGRST102",
      message: "All lines must have same number of fields",
    });
    const form = await post("/rest_fmt_items?select=id,name", "application/x-www-form-urlencoded", "id=63&name=form+x");
    expect(await form.json()).toEqual([{ id: 63, name: "form x" }]);
    expect(await sql("select count(*)::int as n from public.rest_fmt_items where id >= 60")).toEqual([{ n: 3 }]);
    await sql("delete from public.rest_fmt_items where id >= 60");
  });

  it("passes a text/plain, text/xml or octet-stream body to the function's lone unnamed argument of that type", async () => {
    const text = await post("/rpc/rest_fmt_echo", "text/plain", "hello, world");
    expect([text.status, await text.json()]).toEqual([200, "text:hello, world"]);
    const xml = await post("/rpc/rest_fmt_echo", "text/xml", "<a>1</a>");
    expect(await xml.json()).toBe("xml:<a>1</a>");
    const bytes = await post("/rpc/rest_fmt_echo", "application/octet-stream", new Uint8Array([0, 1, 255]));
    expect(await bytes.json()).toBe("bytea:0001ff");
  });

  it("refuses a raw body no function takes with PGRST202, and a table's with PGRST102", async () => {
    const missing = await post("/rpc/rest_fmt_below", "text/plain", "10");
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({
      code: "PGRST202",
      message: "Could not find the function public.rest_fmt_below in the schema cache",
      details:
        "Searched for the function public.rest_fmt_below with a single unnamed text parameter, but no matches were found in the schema cache.",
      hint: null,
    });
    const json = await post("/rpc/rest_fmt_echo", "application/json", '{"x":1}');
    expect(json.status).toBe(404);
    const table = await post("/rest_fmt_items", "text/plain", "hello");
    expect(table.status).toBe(400);
    expect(await table.json()).toMatchObject({ code: "PGRST102", message: "Content-Type not acceptable: text/plain" });
    const other = await post("/rest_fmt_items", "image/png", "x");
    expect(await other.json()).toMatchObject({ code: "PGRST102", message: "Content-Type not acceptable: image/png" });
  });
});

describe("PUT, the single-row upsert", () => {
  const put = (query: string, row: object, prefer = "return=representation") =>
    rest(`/rest_fmt_items?${query}`, {
      method: "PUT",
      headers: { Prefer: prefer, "Content-Type": "application/json" },
      body: JSON.stringify(row),
    });

  it("creates the row its primary key names (201), then replaces it (200), or answers 204 without a body", async () => {
    const created = await put("id=eq.70&select=id,name", { id: 70, name: "put" });
    expect([created.status, await created.json()]).toEqual([201, [{ id: 70, name: "put" }]]);
    const replaced = await put("id=eq.70&select=id,name,note", { id: 70, name: "again" });
    expect([replaced.status, await replaced.json()]).toEqual([200, [{ id: 70, name: "again", note: null }]]);
    const minimal = await put("id=eq.70", { id: 70, name: "quiet" }, "return=minimal");
    expect([minimal.status, await minimal.text()]).toEqual([204, ""]);
    expect(await sql("select name from public.rest_fmt_items where id = 70")).toEqual([{ name: "quiet" }]);
  });

  it("refuses a body whose key is not the URL's with 400 PGRST115 and writes nothing", async () => {
    const res = await put("id=eq.71", { id: 72, name: "elsewhere" });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      code: "PGRST115",
      details: null,
      hint: null,
      message: "Payload values do not match URL in primary key column(s)",
    });
    expect(await sql("select id from public.rest_fmt_items where id in (71, 72)")).toEqual([]);
  });

  it("needs eq filters on exactly the primary key (405 PGRST105) and no limit (400 PGRST114)", async () => {
    for (const query of ["", "name=eq.x", "id=gt.1", "id=eq.70&name=eq.quiet", "or=(id.eq.70)", "id=not.eq.70"]) {
      const res = await put(query, { id: 70, name: "x" });
      expect([query, res.status, ((await res.json()) as { code: string }).code]).toEqual([query, 405, "PGRST105"]);
    }
    const limited = await put("id=eq.70&limit=1", { id: 70, name: "x" });
    expect([limited.status, ((await limited.json()) as { code: string }).code]).toEqual([400, "PGRST114"]);
    await sql("delete from public.rest_fmt_items where id >= 70");
  });
});

describe("response.headers and response.status set by the statement", () => {
  const answer = (headers: string, status: string) =>
    rest("/rpc/rest_fmt_answer", {
      method: "POST",
      redirect: "manual",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ headers, status }),
    });

  it("adds the headers (replacing ours of the same name, whatever their case) and sets the status", async () => {
    const res = await answer('[{"Location": "/elsewhere"}, {"content-type": "text/plain; charset=utf-8"}]', "303");
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/elsewhere");
    expect(res.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(await res.text()).toBe('"ok"');
    const unchanged = await answer("", "");
    expect([unchanged.status, unchanged.headers.get("content-type")]).toEqual([200, "application/json; charset=utf-8"]);
  });

  it("answers 500 PGRST111 / PGRST112 for settings that are not headers or a status", async () => {
    for (const headers of [
      '{"a": "b"}',
      '[{"a": 1}]',
      '[{"a": "1", "b": "2"}]',
      '[{"X-A": "1\\r\\nSet-Cookie: x=1"}]',
    ]) {
      const res = await answer(headers, "");
      expect([headers, res.status, res.headers.get("set-cookie")]).toEqual([headers, 500, null]);
      expect(await res.json()).toMatchObject({ code: "PGRST111" });
    }
    const status = await answer("", "teapot");
    expect([status.status, ((await status.json()) as { code: string }).code]).toEqual([500, "PGRST112"]);
    expect((await answer("", "418")).status).toBe(418);
  });
});

describe("Prefer, as PostgREST reads and echoes it", () => {
  it("writes timestamps in the time zone asked for; one Postgres does not know is its 400 22023", async () => {
    const res = await rest("/rest_fmt_times?select=at", { headers: { Prefer: "timezone=America/Los_Angeles" } });
    expect(await res.json()).toEqual([{ at: "2023-10-18T05:37:59.611-07:00" }]);
    expect(res.headers.get("preference-applied")).toBe("timezone=America/Los_Angeles");
    const utc = await rest("/rest_fmt_times?select=at");
    expect(await utc.json()).toEqual([{ at: "2023-10-18T12:37:59.611+00:00" }]);
    const unknown = await rest("/rest_fmt_times", { headers: { Prefer: "timezone=Mars/Olympus'; drop table x" } });
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toMatchObject({
      code: "22023",
      message: `invalid value for parameter "TimeZone": "Mars/Olympus'; drop table x"`,
    });
  });

  it("ignores what it does not know unless handling=strict, then 400 PGRST122 lists it", async () => {
    const lenient = await rest("/rest_fmt_times?select=id", {
      headers: { Prefer: "count=exact, nonsense, return=bogus" },
    });
    expect([lenient.status, lenient.headers.get("preference-applied")]).toEqual([200, "count=exact"]);
    const strict = await rest("/rest_fmt_times", { headers: { Prefer: "handling=strict, nonsense, return=bogus" } });
    expect(strict.status).toBe(400);
    expect(await strict.json()).toEqual({
      code: "PGRST122",
      message: "Invalid preferences given with handling=strict",
      details: "Invalid preferences: nonsense, return=bogus",
      hint: null,
    });
  });

  it("echoes the preferences it applied in PostgREST's order", async () => {
    const res = await rest("/rest_fmt_items?select=id", {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        Prefer: "handling=strict, count=exact, return=representation, missing=default, resolution=merge-duplicates",
      },
      body: JSON.stringify([{ id: 1, name: "plain" }]),
    });
    expect(res.headers.get("preference-applied")).toBe(
      "resolution=merge-duplicates, missing=default, return=representation, count=exact, handling=strict",
    );
  });
});

describe("pgrst.db_pre_request", () => {
  const gated = async () => (await rest("/rest_fmt_times?select=id")).headers.get("x-gate") === "passed";
  beforeAll(() => configure("db_pre_request", "public.rest_fmt_gate", gated));
  afterAll(() => configure("db_pre_request", null, async () => !(await gated())));

  it("runs the function before every statement, as the request's role; its error is the answer", async () => {
    const passed = await rest("/rest_fmt_times?select=id");
    expect([passed.status, passed.headers.get("x-gate"), await passed.json()]).toEqual([200, "passed", [{ id: 1 }]]);
    const refused = await rest("/rest_fmt_items", {
      method: "POST",
      headers: { "x-gate": "closed", "Content-Type": "application/json" },
      body: JSON.stringify({ id: 80, name: "never" }),
    });
    expect(refused.status).toBe(403);
    expect(await refused.json()).toEqual({ code: "PT403", message: "Gate closed", details: null, hint: "Open it" });
    expect(await sql("select id from public.rest_fmt_items where id = 80")).toEqual([]);
  });
});
