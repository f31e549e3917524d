/** PGRST200's "Perhaps you meant" hint: a child among the parent's relationships, else a related parent. */
import { describe, expect, it } from "vitest";
import type { PlanError } from "../errors";
import { testCache } from "../testing/cache";
import { findRelationship } from "./relationships";

function failure(parent: string, target: string, hint?: string) {
  try {
    findRelationship(testCache(), { schema: "public", name: parent }, target, hint);
  } catch (error) {
    const { status, code, details, hint: suggestion } = error as PlanError;
    return { status, code, details, hint: suggestion };
  }
  throw new Error("resolved");
}

describe("PGRST200 hints", () => {
  it("suggests the closest table the parent relates to", () => {
    expect(failure("parents", "childs")).toEqual({
      status: 400,
      code: "PGRST200",
      details:
        "Searched for a foreign key relationship between 'parents' and 'childs' in the schema 'public', but no matches were found.",
      hint: "Perhaps you meant 'children' instead of 'childs'.",
    });
  });

  it("suggests the closest table with relationships when the parent has none", () => {
    expect(failure("parent", "children").hint).toBe("Perhaps you meant 'parents' instead of 'parent'.");
  });

  it("gives none when the target is related and only the hint is wrong", () => {
    expect(failure("children", "parents", "nope")).toMatchObject({
      details:
        "Searched for a foreign key relationship between 'children' and 'parents' using the hint 'nope' in the schema 'public', but no matches were found.",
      hint: null,
    });
  });

  it("gives none when nothing is close", () => {
    expect(failure("parents", "zzzz").hint).toBeNull();
  });

  it("suggests tables, never function names: a computed relationship offers the table it returns", () => {
    // `kids` (a function over parents) returns children; `nodes` relates only to itself.
    expect(failure("parents", "kid").hint).toBeNull();
    expect(failure("nodes", "node").hint).toBe("Perhaps you meant 'nodes' instead of 'node'.");
  });
});
