import { describe, expect, it } from "vitest";
import { pgTimestampToRfc3339 } from "./time.ts";

describe("pgTimestampToRfc3339", () => {
  it.each([
    ["2026-11-25 21:18:36.447123+00", "2026-11-25T21:18:36.447123Z"],
    ["2026-11-25 21:18:36.4471+00", "2026-11-25T21:18:36.4471Z"],
    ["2026-11-25 21:18:36.500000+00", "2026-11-25T21:18:36.5Z"],
    ["2026-11-25 21:18:36+00", "2026-11-25T21:18:36Z"],
    ["2026-11-25 23:18:36.1+02", "2026-11-25T21:18:36.1Z"],
    ["2026-11-25 16:48:36.1-04:30", "2026-11-25T21:18:36.1Z"],
    ["2026-11-26 00:30:00+05:30", "2026-11-25T19:00:00Z"],
  ])("%j → %j", (input, expected) => {
    expect(pgTimestampToRfc3339(input)).toBe(expected);
  });

  it("refuses text that is not a timestamp", () => {
    expect(() => pgTimestampToRfc3339("yesterday")).toThrow(/unexpected timestamp format/);
  });
});
