import { describe, expect, it } from "vitest";
import { CsvError, formatCsv, parseCsv } from "./csv";

describe("parseCsv", () => {
  it.each([
    [
      "plain rows",
      "a,b\n1,2\n",
      [
        ["a", "b"],
        ["1", "2"],
      ],
    ],
    [
      "CRLF and no final newline",
      "a,b\r\n1,2",
      [
        ["a", "b"],
        ["1", "2"],
      ],
    ],
    [
      "quoted comma and escaped quote",
      'a,b\n"x, y","say ""hi"""\n',
      [
        ["a", "b"],
        ["x, y", 'say "hi"'],
      ],
    ],
    ["line break inside quotes", 'a\n"two\nlines"\n', [["a"], ["two\nlines"]]],
    [
      "empty cells kept",
      "a,b,c\n,,\n",
      [
        ["a", "b", "c"],
        ["", "", ""],
      ],
    ],
    ["blank lines dropped", "a\n\n1\n\n", [["a"], ["1"]]],
    ["BOM ignored", "\ufeffemail\nx@y.z\n", [["email"], ["x@y.z"]]],
  ])("%s", (_name, input, expected) => {
    expect(parseCsv(input)).toEqual(expected);
  });

  it.each([
    ["unclosed quote", 'a\n"open\n'],
    ["quote in the middle of a field", 'a\nab"c"\n'],
  ])("rejects %s", (_name, input) => {
    expect(() => parseCsv(input)).toThrow(CsvError);
  });

  it("round-trips what formatCsv writes", () => {
    const rows = [
      ["email", "skills"],
      ["a@b.c", 'Go; "Rust", C'],
      [" padded ", "multi\nline"],
    ];
    expect(parseCsv(formatCsv(rows))).toEqual(rows);
  });
});
