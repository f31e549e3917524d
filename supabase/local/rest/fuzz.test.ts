/**
 * Property test of the pure stages: thousands of random and hostile requests through parse → plan →
 * SQL. Each either fails with a 4xx ApiError or yields SQL in which no client text appears outside
 * quoted identifiers (values only ever travel as parameters). A second run takes each place client
 * text reaches the statement as a class of its own and sends injection fragments there.
 */
import { describe, expect, it } from "vitest";
import { ApiError } from "./errors";
import { parseRequest, parseTarget } from "./parse/request";
import { decodePayload } from "./payload";
import { planRequest } from "./plan";
import { statementFor } from "./prepare";
import { testCache } from "./testing/cache";
import { fuzzBody, fuzzQuery, fuzzValue, pick, seeded } from "./testing/fuzz-inputs";
import { classRequest, INJECTION_CLASSES, MARKER } from "./testing/injection-classes";

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
      const method = pick(r, ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"]);
      const path = pick(r, ["/parents", "/children", "/nodes", "/rpc/add", "/nope", "/", "/a/b"]);
      const query = fuzzQuery(r, NAMES);
      const headers: Record<string, string> = {};
      if (r() < 0.3)
        headers.prefer = pick(r, [
          "return=representation",
          "count=exact",
          "count=planned",
          "count=estimated",
          "resolution=merge-duplicates",
          "missing=default",
          fuzzValue(r, NAMES),
        ]);
      if (r() < 0.1)
        headers.accept = pick(r, [
          "application/vnd.pgrst.object+json",
          "text/html",
          "text/csv",
          `application/vnd.pgrst.plan+json; for="${pick(r, ["text/csv", fuzzValue(r, NAMES)])}"; options=analyze|${fuzzValue(r, NAMES)}`,
          fuzzValue(r, NAMES),
        ]);
      const body = method === "POST" || method === "PUT" || method === "PATCH" ? fuzzBody(r, NAMES) : null;
      try {
        const planEnabled = r() < 0.5;
        const request = parseRequest({ method, path, query, headers, body, schemas: ["public"], planEnabled });
        if (request.target.kind === "root") continue;
        const statement = statementFor(request, planRequest(cache, request, 1000), 1000);
        const bare = outsideIdentifiers(statement.text + (statement.countPlan?.text ?? ""));
        expect(bare, `${method} ${path}?${query}`).not.toMatch(/;|--|\/\*|\\|\u0000|😀|drop/i);
        // The builder's own literals (empty results, sequences, CSV separator and scalar header, upsert count).
        const literals = /'\[\]'|'seq'|'\{\}'|','|''|'pgrst_scalar'|'pgrst\.inserted'/g;
        expect(bare.replace(literals, "")).not.toContain("'");
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

describe("injection classes", () => {
  const fixture = {
    text: "name",
    json: "meta",
    id: "id",
    child: "children",
    parent: "parents",
    fkName: "children_parent_id_fkey",
    rpcArg: "a",
    rpcVariadic: { name: "join_all", arg: "parts" },
  };

  it.each(INJECTION_CLASSES)("%s: a 4xx or SQL whose text holds none of the client's words", (cls) => {
    const r = seeded(cls.length * 7919);
    const cache = testCache();
    let built = 0;
    for (let i = 0; i < 300; i++) {
      const req = classRequest(r, cls, fixture);
      const path =
        req.target === "rpc"
          ? `/rpc/${encodeURIComponent(req.rpcName ?? "add")}`
          : req.target === "child"
            ? "/children"
            : "/parents";
      const what = `${cls}: ${req.method} ${path}?${req.query} ${JSON.stringify(req.headers)} ${req.body ?? ""}`;
      try {
        // Bodies are decoded by their Content-Type first, as the preparer does.
        const payload =
          req.body === null ? undefined : decodePayload(req.body, req.headers["content-type"], parseTarget(path));
        const request = parseRequest({
          ...req,
          path,
          schemas: ["public"],
          planEnabled: true,
          ...(payload && { parsedBody: payload.body }),
          ...(payload?.raw && { raw: payload.raw }),
          ...(payload?.form && { form: payload.form }),
          ...(payload?.json !== undefined && { bodyText: payload.json }),
        });
        const statement = statementFor(request, planRequest(cache, request, 1000), 1000);
        const bare = outsideIdentifiers(statement.text + (statement.countPlan?.text ?? ""));
        expect(bare, what).not.toContain(MARKER);
        expect(bare, what).not.toMatch(/;|--|\/\*|union|pg_roles|pg_settings|pg_sleep/i);
        built++;
      } catch (error) {
        if (!(error instanceof ApiError)) throw new Error(`${what} threw ${String(error)}`);
        expect(error.status, what).toBeGreaterThanOrEqual(400);
        expect(error.status, what).toBeLessThan(500);
      }
    }
    // Classes whose every hostile form is refused by the grammar or the schema never reach SQL; the
    // others must, or the class tests nothing.
    const refusedAlways = ["operator", "is-value", "rpc-name", "profile", "body-keys"];
    if (!refusedAlways.includes(cls)) expect(built, cls).toBeGreaterThan(20);
  });
});
