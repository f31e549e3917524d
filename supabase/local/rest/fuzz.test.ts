/**
 * Property test of the pure stages: thousands of random and hostile requests through parse → plan →
 * SQL. Each either fails with a 4xx ApiError or yields SQL in which no client text appears outside
 * quoted identifiers (values only ever travel as parameters).
 */
import { describe, expect, it } from "vitest";
import { ApiError } from "./errors";
import { parseRequest } from "./parse/request";
import { planRequest } from "./plan";
import { buildStatement } from "./sql/statement";
import { testCache } from "./testing/cache";
import { fuzzBody, fuzzQuery, fuzzValue, pick, seeded } from "./testing/fuzz-inputs";

const NAMES = ["id", "name", "tags", "meta", "children", "parents", "title", "nope", "body", "parent_id"];

/** SQL with every double-quoted identifier removed: what is left was written by the builder alone. */
function outsideIdentifiers(sql: string): string {
  return sql.replace(/"(?:[^"]|"")*"/g, '""');
}

describe("pure pipeline fuzz", () => {
  it("never fails with anything but a 4xx ApiError, and never lets client text into SQL", () => {
    const r = seeded(20261125);
    const cache = testCache();
    let built = 0;
    for (let i = 0; i < 10_000; i++) {
      const method = pick(r, ["GET", "HEAD", "POST", "PATCH", "DELETE"]);
      const path = pick(r, ["/parents", "/children", "/nodes", "/rpc/add", "/nope", "/", "/a/b"]);
      const query = fuzzQuery(r, NAMES);
      const headers: Record<string, string> = {};
      if (r() < 0.3)
        headers.prefer = pick(r, [
          "return=representation",
          "count=exact",
          "resolution=merge-duplicates",
          "missing=default",
          fuzzValue(r, NAMES),
        ]);
      if (r() < 0.1) headers.accept = pick(r, ["application/vnd.pgrst.object+json", "text/html", fuzzValue(r, NAMES)]);
      const body = method === "POST" || method === "PATCH" ? fuzzBody(r, NAMES) : null;
      try {
        const request = parseRequest({ method, path, query, headers, body, schemas: ["public"] });
        if (request.target.kind === "root") continue;
        const statement = buildStatement(planRequest(cache, request, 1000), { count: false, head: false });
        const bare = outsideIdentifiers(statement.text);
        expect(bare, `${method} ${path}?${query}`).not.toMatch(/;|--|\/\*|\\|\u0000|😀|drop/i);
        expect(bare.replace(/'\[\]'|'seq'|'\{\}'/g, "")).not.toContain("'");
        built++;
      } catch (error) {
        if (!(error instanceof ApiError)) throw new Error(`${method} ${path}?${query} threw ${String(error)}`);
        expect(error.status).toBeGreaterThanOrEqual(400);
        expect(error.status).toBeLessThan(500);
      }
    }
    // The generator must reach the SQL stage often enough for the property to mean something.
    expect(built).toBeGreaterThan(300);
  }, 120_000);
});
