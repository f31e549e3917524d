/** rpc arguments from query/form pairs and JSON bodies, as PostgREST reads them. */
import { describe, expect, it } from "vitest";
import { testCache } from "../testing/cache";
import { jsonArgs, pairNames, pairValues } from "./call-args";

const joinAll = testCache().functions.get("public.join_all")?.[0];
const add = testCache().functions.get("public.add")?.[0];

describe("query and form pairs", () => {
  it("gives a variadic argument every value of its name in order, any other argument the last", () => {
    if (!joinAll || !add) throw new Error("fixture");
    const pairs: [string, string][] = [
      ["parts", "a"],
      ["sep", "first"],
      ["parts", "b"],
      ["sep", "last"],
    ];
    expect(pairNames(pairs)).toEqual(["parts", "sep"]);
    expect(pairValues(joinAll, pairs)).toEqual({ parts: ["a", "b"], sep: "last" });
    expect(pairValues(joinAll, [["parts", "only"]])).toEqual({ parts: ["only"] });
    // Without a variadic argument, repeats are never merged.
    expect(
      pairValues(add, [
        ["a", "1"],
        ["a", "2"],
      ]),
    ).toEqual({ a: "2" });
  });
});

describe("JSON bodies", () => {
  const args = (text: string, columns?: string[]) => jsonArgs(JSON.parse(text) as unknown, text, columns);

  it("reads an object's keys from its text as sent", () => {
    const text = '{"a": 9007199254740993}';
    expect(args(text)).toEqual({ keys: ["a"], source: { text, set: false }, whole: text });
  });

  it("takes the keys of an array of objects with the same keys, and refuses other arrays", () => {
    const text = '[{"a":1,"b":2},{"b":4,"a":3}]';
    expect(args(text)).toEqual({ keys: ["a", "b"], source: { text, set: true }, whole: text });
    expect(() => args('[{"a":1},{"b":2}]')).toThrow("All object keys must match");
    expect(() => args('[{"a":1},2]')).toThrow("All object keys must match");
    expect(() => args("[1,2]")).toThrow("All object keys must match");
  });

  it("reads an empty array or a scalar as no arguments, and hands a lone json argument an empty array", () => {
    for (const text of ["[]", "5", '"x"', "null", "true"]) expect(args(text)).toEqual({ keys: [], whole: "[]" });
  });

  it("with columns=, names those columns and leaves the body's shape to Postgres", () => {
    expect(args('[{"a":1},{"z":2}]', ["a", "b"])).toMatchObject({ keys: ["a", "b"], source: { set: true } });
    expect(args('{"a":1}', ["a"])).toMatchObject({ keys: ["a"], source: { set: false } });
    expect(args("5", ["a"])).toMatchObject({ keys: ["a"], source: { text: "5", set: true } });
  });
});
