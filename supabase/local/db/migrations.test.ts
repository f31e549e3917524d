import { describe, expect, it } from "vitest";
import { parseMigrationNames } from "./migrations";

describe("parseMigrationNames", () => {
  it.each<[string[], string[]]>([
    [[], []],
    [["20261125000100_user_profiles.sql"], ["20261125000100:user_profiles"]],
    [
      ["20261125000200_b.sql", "20261125000100_a.sql", "20261125000150_c_d.sql"],
      ["20261125000100:a", "20261125000150:c_d", "20261125000200:b"],
    ],
    [["README.md", "notes.sql", "x_1.sql", "20261125000100_a.sql.bak", "1_ok.sql"], ["1:ok"]],
  ])("%j", (names, expected) => {
    expect(parseMigrationNames("/m", names).map((m) => `${m.version}:${m.name}`)).toEqual(expected);
  });

  it("keeps the file path", () => {
    expect(parseMigrationNames("/m", ["1_a.sql"])[0]?.file).toBe("/m/1_a.sql");
  });
});
