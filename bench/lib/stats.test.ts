import { describe, expect, it } from "vitest";
import { median, percentile, round } from "./stats";

describe("percentile (nearest rank)", () => {
  const samples = [5, 1, 4, 2, 3, 10, 9, 8, 7, 6];
  it.each([
    [50, 5],
    [95, 10],
    [99, 10],
    [10, 1],
    [0, 1],
    [100, 10],
  ])("p%d of 1..10 is %d", (p, expected) => {
    expect(percentile(samples, p)).toBe(expected);
  });
  it("is an observed value and leaves the input unsorted", () => {
    const input = [3, 1, 2];
    expect(median(input)).toBe(2);
    expect(input).toEqual([3, 1, 2]);
  });
  it("is NaN without samples, so a missing figure stays visible", () => {
    expect(percentile([], 50)).toBeNaN();
  });
});

describe("round", () => {
  it("rounds to the given decimals and keeps NaN", () => {
    expect(round(1.23456, 2)).toBe(1.23);
    expect(round(Number.NaN)).toBeNaN();
  });
});
