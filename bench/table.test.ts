import { describe, expect, it } from "vitest";
import { renderTable, tableRows } from "./table";

describe("bench table", () => {
  it("marks missed targets MISS and met ones pass, with the ratio to the floor", () => {
    const rows = tableRows({
      bcrypt_hash_ms: 50,
      signup_p50_ms: 70,
      signup_p95_ms: 90,
      signup_overhead_ratio: 1.4,
      signups_per_s: 39,
      storm: { n: 200, failed: 0, orphans: 1, p95_ms: 900 },
      rest_get_rps: 3500,
      rest_get_overhead_ratio: 2.1,
      rest_patch_overhead_ratio: 1.5,
      wizard_step_p95_ms: 80,
    });
    const verdict = (prefix: string) => rows.find((row) => row.figure.startsWith(prefix))?.verdict;
    expect(verdict("signup p50")).toBe("1.4× MISS");
    // 2 cores × 1000 / 50 ms = 40/s capacity; 39/s is 0.98× of it.
    expect(verdict("signups/s")).toBe("0.98× capacity pass");
    expect(verdict("storm (n=200)")).toBe("MISS");
    expect(verdict("REST GET overhead")).toBe("pass");
    expect(verdict("REST PATCH overhead")).toBe("MISS");
    expect(verdict("wizard")).toBe("MISS");
    expect(verdict("signed-in render")).toBe("—");
  });
  it("renders a markdown table with one line per row plus header and rule", () => {
    const rows = tableRows({});
    const text = renderTable(rows);
    expect(text.split("\n")).toHaveLength(rows.length + 2);
    expect(text.split("\n")[1]).toMatch(/^\|-+\|-+\|-+\|-+\|$/);
  });
});
