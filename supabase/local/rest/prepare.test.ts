/** The preparer's cache: repeated requests reuse one statement, and only the body parameter changes. */
import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { Preparer } from "./prepare";
import { testCache } from "./testing/cache";

const request = (method: string, headers: Record<string, string> = {}) =>
  ({ method, headers }) as unknown as IncomingMessage;
const ctx = (path: string, query: string) => ({ path, query: new URLSearchParams(query), authorization: null, ip: "" });

describe("Preparer", () => {
  it("reuses a PATCH statement for bodies with the same keys, with the new body bound", () => {
    const preparer = new Preparer(["public"], 1000);
    const first = preparer.prepare(testCache(), request("PATCH"), ctx("/parents", "id=eq.1"), '{"name":"a"}');
    const second = preparer.prepare(testCache(), request("PATCH"), ctx("/parents", "id=eq.1"), '{"name":"b"}');
    expect(second.plan).toBe(first.plan);
    expect(second.statement.text).toBe(first.statement.text);
    expect(second.statement.params).toEqual(["1", '{"name":"b"}']);
    expect(first.statement.params).toEqual(["1", '{"name":"a"}']);
    const other = preparer.prepare(testCache(), request("PATCH"), ctx("/parents", "id=eq.1"), '{"tags":["x"]}');
    expect(other.statement.text).not.toBe(first.statement.text);
  });

  it("binds a cached single-row insert's body as a one-row array", () => {
    const preparer = new Preparer(["public"], 1000);
    preparer.prepare(testCache(), request("POST"), ctx("/parents", ""), '{"name":"a"}');
    const again = preparer.prepare(testCache(), request("POST"), ctx("/parents", ""), '{"name":"b"}');
    expect(again.statement.params).toEqual(['[{"name":"b"}]']);
  });

  it("still refuses a bad body on a cached path", () => {
    const preparer = new Preparer(["public"], 1000);
    preparer.prepare(testCache(), request("PATCH"), ctx("/parents", "id=eq.1"), '{"name":"a"}');
    expect(() => preparer.prepare(testCache(), request("PATCH"), ctx("/parents", "id=eq.1"), "{nope")).toThrow(
      /Empty or invalid json/,
    );
    expect(() => preparer.prepare(testCache(), request("PATCH"), ctx("/parents", "id=eq.1"), '{"nope":1}')).toThrow(
      /Could not find the 'nope' column/,
    );
  });
});
