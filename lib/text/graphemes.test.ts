import { describe, expect, it } from "vitest";
import { graphemeCount, MAX_CODE_POINTS_PER_CHARACTER, withinCharacterLimit } from "./graphemes";

describe("graphemeCount", () => {
  it.each([
    ["", 0],
    ["abc", 3],
    ["👩🏽‍💻".repeat(10), 10],
    ["👩🏽‍❤️‍💋‍👨🏿", 1],
    ["🇩🇪🇫🇷", 2],
    ["e\u0301te\u0301", 3],
    ["Zoë Ünal", 8],
  ])("%j is %i characters", (text, count) => {
    expect(graphemeCount(text)).toBe(count);
  });
});

describe("withinCharacterLimit", () => {
  it("counts ten technologist emoji as 10, well within 50", () => {
    expect("👩🏽‍💻".repeat(10).length).toBe(70);
    expect(withinCharacterLimit("👩🏽‍💻".repeat(10), 50)).toBe(true);
  });

  it("allows the longest recommended emoji at every position the limit allows", () => {
    const kiss = "👩🏽‍❤️‍💋‍👨🏿";
    expect([...kiss].length).toBe(MAX_CODE_POINTS_PER_CHARACTER);
    expect(withinCharacterLimit(kiss.repeat(50), 50)).toBe(true);
    expect(withinCharacterLimit(kiss.repeat(51), 50)).toBe(false);
  });

  it("refuses one character stacked with more combining marks than the database holds", () => {
    expect(graphemeCount(`a${"\u0301".repeat(600)}`)).toBe(1);
    expect(withinCharacterLimit(`a${"\u0301".repeat(600)}`, 50)).toBe(false);
  });
});
