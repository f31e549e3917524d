/** PGRST205's table hint, and the schema size past which PostgREST gives none. */
import { describe, expect, it } from "vitest";
import type { PlanError } from "../errors";
import type { Table } from "../schema/types";
import { testCache } from "../testing/cache";
import { findTable } from "./index";

function hintFor(cache: ReturnType<typeof testCache>, name: string): string | null {
  try {
    findTable(cache, "public", name);
  } catch (error) {
    return (error as PlanError).hint;
  }
  throw new Error("found");
}

describe("findTable", () => {
  it("hints at the closest table of the schema", () => {
    expect(hintFor(testCache(), "parent")).toBe("Perhaps you meant the table 'public.parents'");
  });

  it("gives no hint in a schema of 500 tables or more", () => {
    const cache = testCache();
    const parents = cache.tables.get("public.parents") as Table;
    for (let i = cache.tables.size; i < 500; i++) cache.tables.set(`public.t${i}`, { ...parents, name: `t${i}` });
    expect(hintFor(cache, "parent")).toBeNull();
    cache.tables.delete("public.t499");
    expect(hintFor(cache, "parent")).toBe("Perhaps you meant the table 'public.parents'");
  });
});
