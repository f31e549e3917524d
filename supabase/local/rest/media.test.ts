import { describe, expect, it } from "vitest";
import { ApiError } from "./errors";
import { negotiate } from "./media";

const on = { root: false, planEnabled: true };
const off = { root: false, planEnabled: false };

function refusal(accept: string, how = off): string {
  try {
    negotiate(accept, how);
  } catch (error) {
    if (error instanceof ApiError) return `${error.status} ${error.code} ${error.message}`;
  }
  throw new Error(`${accept} was accepted`);
}

describe("negotiate", () => {
  it("answers JSON for no Accept, */* and application/json; CSV for text/csv", () => {
    for (const accept of [undefined, "", "*/*", "application/json"]) {
      expect(negotiate(accept, off)).toEqual({
        format: "json",
        singular: false,
        stripNulls: false,
        mime: "application/json",
      });
    }
    expect(negotiate("text/csv", off)).toMatchObject({ format: "csv", mime: "text/csv" });
  });

  it("reads singular and stripped-null types as PostgREST names them", () => {
    expect(negotiate("application/vnd.pgrst.object", off)).toMatchObject({ singular: true, stripNulls: false });
    expect(negotiate("application/vnd.pgrst.object+json;nulls=stripped", off)).toMatchObject({
      singular: true,
      stripNulls: true,
      mime: "application/vnd.pgrst.object+json;nulls=stripped",
    });
    expect(negotiate("application/vnd.pgrst.array+json;nulls=stripped", off).stripNulls).toBe(true);
    // Only the vendored types strip nulls.
    expect(negotiate("application/json;nulls=stripped", off).stripNulls).toBe(false);
  });

  it("picks by quality, then specificity, then order", () => {
    expect(negotiate("text/csv;q=0.5, application/json", off).format).toBe("json");
    expect(negotiate("application/json;q=0.2, text/csv;q=0.9", off).format).toBe("csv");
    expect(negotiate("*/*, text/csv", off).format).toBe("csv");
  });

  it("refuses what it cannot produce with 406 PGRST107 naming every type", () => {
    expect(refusal("text/html, application/*")).toBe(
      "406 PGRST107 None of these media types are available: text/html, application/*",
    );
    expect(refusal("application/vnd.pgrst.plan")).toBe(
      '406 PGRST107 None of these media types are available: application/vnd.pgrst.plan+text; for="application/json"',
    );
  });

  it("explains only when the plan is enabled, with the options in PostgREST's order", () => {
    const accept = 'application/vnd.pgrst.plan+json; for="text/csv"; options=wal|analyze|x;drop|verbose';
    expect(negotiate(accept, on)).toEqual({
      format: "csv",
      singular: false,
      stripNulls: false,
      explain: { format: "json", options: ["analyze", "wal"] },
      mime: 'application/vnd.pgrst.plan+json; for="text/csv"; options=analyze|wal',
    });
    expect(negotiate("application/vnd.pgrst.plan; options=;", on).explain).toEqual({ format: "text", options: [] });
    expect(negotiate("application/vnd.pgrst.plan, application/json", off).explain).toBeUndefined();
    expect(refusal('application/vnd.pgrst.plan+json; for="text/xml"', on)).toContain('for="text/xml"');
    expect(refusal('application/vnd.pgrst.plan; for="application/vnd.pgrst.plan"', on)).toContain("406 PGRST107");
  });
});
