import { describe, expect, it } from "vitest";
import { niceMax } from "./column-chart";

describe("niceMax", () => {
  it.each([
    [0, 4],
    [3, 4],
    [5, 8],
    [10, 12],
    [37, 40],
    [41, 60],
    [101, 120],
    [1042, 1200],
    [9999, 10000],
  ])("%i → %i", (value, expected) => {
    expect(niceMax(value)).toBe(expected);
    expect(niceMax(value)).toBeGreaterThanOrEqual(value);
  });
});
