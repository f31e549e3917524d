/** Which db-max-rows a request is capped by. */
import { describe, expect, it } from "vitest";
import { maxRowsFor } from "./max-rows";

describe("db-max-rows", () => {
  it("takes the in-database setting over the stack's, and none when it is not a whole number", () => {
    expect(maxRowsFor(new Map(), 1000)).toBe(1000);
    expect(maxRowsFor(new Map([["db_max_rows", "10"]]), 1000)).toBe(10);
    expect(maxRowsFor(new Map([["db_max_rows", " 7 "]]), 1000)).toBe(7);
    for (const bad of ["ten", "1.5", "", "-"]) expect(maxRowsFor(new Map([["db_max_rows", bad]]), 1000)).toBeNull();
  });
});
