/** Which of a function's own settings apply to the whole call. */
import { describe, expect, it } from "vitest";
import { testCache } from "./testing/cache";
import { callSettings } from "./func-settings";

const base = testCache().functions.get("public.add")?.[0];

function fn(settings: [string, string][]) {
  if (!base) throw new Error("fixture");
  return { ...base, settings };
}

describe("function settings hoisted to the call", () => {
  it("applies the default list (statement_timeout, …) and leaves the others to the function", () => {
    const settings: [string, string][] = [
      ["statement_timeout", "1s"],
      ["search_path", ""],
      ["plan_filter.statement_cost_limit", "100"],
    ];
    expect(callSettings(fn(settings), new Map())).toEqual({
      settings: [
        ["statement_timeout", "1s"],
        ["plan_filter.statement_cost_limit", "100"],
      ],
    });
  });

  it("applies the names of pgrst.db_hoisted_tx_settings instead, when set", () => {
    const settings: [string, string][] = [
      ["statement_timeout", "1s"],
      ["work_mem", "8MB"],
    ];
    const config = new Map([["db_hoisted_tx_settings", " work_mem , lock_timeout"]]);
    expect(callSettings(fn(settings), config)).toEqual({ settings: [["work_mem", "8MB"]] });
  });

  it("reads default_transaction_isolation as the transaction's level", () => {
    expect(callSettings(fn([["default_transaction_isolation", "serializable"]]), new Map()).isolation).toBe(
      "SERIALIZABLE",
    );
    expect(callSettings(fn([["default_transaction_isolation", "Repeatable Read"]]), new Map()).isolation).toBe(
      "REPEATABLE READ",
    );
    expect(callSettings(fn([["default_transaction_isolation", "whatever"]]), new Map()).isolation).toBe(
      "READ COMMITTED",
    );
    expect(callSettings(fn([]), new Map()).isolation).toBeUndefined();
  });
});
