/**
 * HTTP fuzz of the REST service: thousands of random and hostile query strings, headers and bodies
 * against the fixture tables. No answer may be a 5xx, the server must keep answering, and a
 * select-only canary table must come through untouched (no statement escaped its parameters).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fuzzBody, fuzzQuery, fuzzValue, pick, seeded } from "@/supabase/local/rest/testing/fuzz-inputs";
import { dropFixtures, env, loadFixtures, rest, serviceClient, sql } from "./rest-support";

const NAMES = [
  "id",
  "name",
  "tags",
  "meta",
  "span",
  "rest_children",
  "rest_parents",
  "title",
  "done",
  "score",
  "body",
  "parent_id",
  "nope",
  "rest_canary",
  "note",
];
const PATHS = [
  "/rest_parents",
  "/rest_children",
  "/rest_canary",
  "/rest_nope",
  "/rpc/rest_add",
  "/rpc/rest_parents_like",
  "/rpc/rest_series",
  "/rpc/nope",
  "/a/b",
  "/%00",
  "/rest_parents%22",
];
const REQUESTS = 3000;
const CONCURRENCY = 8;

beforeAll(loadFixtures);
afterAll(dropFixtures);

describe("REST fuzz", () => {
  it("refuses absurdly nested selects, logic trees and bodies with 400", async () => {
    const select = await rest(`/rest_parents?select=${"a(".repeat(2000)}id${")".repeat(2000)}`);
    expect(select.status).toBe(400);
    const logic = await rest(`/rest_parents?or=${"(and".repeat(1500)}(id.eq.1)${")".repeat(1500)}`);
    expect(logic.status).toBe(400);
    const body = await rest("/rest_parents", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: `{"name":"deep","meta":${"[".repeat(5000)}${"]".repeat(5000)}}`,
    });
    expect(body.status).toBe(400);
    expect((await body.json()).code).toBe("PGRST102");
  });

  it("answers every hostile request with a non-5xx status and keeps its data intact", async () => {
    const tablesBefore = await sql("select count(*)::int as n from pg_tables where schemaname = 'public'");
    const r = seeded(4242);
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    let next = 0;
    const worker = async () => {
      while (next < REQUESTS) {
        next++;
        let method = pick(r, ["GET", "HEAD", "POST", "PATCH", "DELETE"] as const);
        let path = pick(r, PATHS);
        // A quarter of the requests are well-formed reads apart from their values, so the run also reaches SQL.
        const wellFormed = r() < 0.25;
        if (wellFormed) [method, path] = ["GET", "/rest_children"];
        const query = wellFormed
          ? `select=*&id=gte.${Math.floor(r() * 5)}&title=not.eq.${encodeURIComponent(fuzzValue(r, NAMES))}`
          : fuzzQuery(r, NAMES).toString();
        const headers: Record<string, string> = { "Content-Type": "application/json" };
        if (r() < 0.3)
          headers.Prefer = pick(r, [
            "return=representation",
            "count=exact",
            "resolution=merge-duplicates",
            "missing=default",
            "tx=rollback",
            "x=y",
          ]);
        if (r() < 0.1)
          headers.Accept = pick(r, ["application/vnd.pgrst.object+json", "text/csv", "*/*", "application/json"]);
        if (r() < 0.05) headers.Range = pick(r, ["0-1", "5-2", "x-y", "1-"]);
        if (r() < 0.05) headers["Accept-Profile"] = pick(r, ["public", "auth", "nope"]);
        const body = method === "POST" || method === "PATCH" ? fuzzBody(r, NAMES) : null;
        const key = r() < 0.5 ? env.anonKey : env.serviceRoleKey;
        const response = await rest(`${path}?${query}`, { method, headers, key, ...(body !== null && { body }) });
        await response.arrayBuffer();
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        if (response.status >= 500)
          failures.push(`${response.status} ${method} ${path}?${query} ${body?.slice(0, 200) ?? ""}`);
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    expect(failures).toEqual([]);
    // A run that only ever produced parse errors would prove little.
    const succeeded = [...statuses].filter(([status]) => status < 300).reduce((sum, [, n]) => sum + n, 0);
    expect(succeeded, JSON.stringify([...statuses])).toBeGreaterThan(100);
    expect((await serviceClient().from("rest_canary").select("id, note")).data).toEqual([{ id: 1, note: "intact" }]);
    expect(await sql("select count(*)::int as n from pg_tables where schemaname = 'public'")).toEqual(tablesBefore);
    expect((await serviceClient().from("rest_parents").select("id").limit(1)).status).toBe(200);
  }, 300_000);
});
