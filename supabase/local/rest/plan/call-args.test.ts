/** rpc argument values from query/form pairs and JSON bodies, as PostgREST reads them. */
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
  it("names an object's keys", () => {
    expect(jsonArgs({ a: 1 }, undefined)).toEqual({ keys: ["a"], values: { a: 1 }, whole: { a: 1 } });
  });

  it("takes the first of an array of objects with the same keys, and refuses other arrays", () => {
    const body = [
      { a: 1, b: 2 },
      { b: 4, a: 3 },
    ];
    expect(jsonArgs(body, undefined)).toEqual({ keys: ["a", "b"], values: { a: 1, b: 2 }, whole: body });
    expect(() => jsonArgs([{ a: 1 }, { b: 2 }], undefined)).toThrow("All object keys must match");
    expect(() => jsonArgs([{ a: 1 }, 2], undefined)).toThrow("All object keys must match");
    expect(() => jsonArgs([1, 2], undefined)).toThrow("All object keys must match");
  });

  it("reads an empty array or a scalar as no arguments, and hands a lone json argument an empty array", () => {
    for (const body of [[], 5, "x", null, true]) {
      expect(jsonArgs(body, undefined)).toEqual({ keys: [], values: {}, whole: [] });
    }
  });

  it("with columns=, names those columns and reads the object or the first row; scalars are 22023", () => {
    expect(jsonArgs([{ a: 1 }, { z: 2 }], ["a", "b"])).toEqual({
      keys: ["a", "b"],
      values: { a: 1 },
      whole: [{ a: 1 }, { z: 2 }],
    });
    expect(() => jsonArgs(5, ["a"])).toThrow("cannot call json_to_recordset on a scalar");
    expect(() => jsonArgs([1], ["a"])).toThrow("argument of json_to_recordset must be an array of objects");
  });
});
