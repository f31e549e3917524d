import { describe, expect, it } from "vitest";
import { recordsFromCsv, recordsFromJson, ImportFileError } from "./read-file";
import { rejectDuplicates, validateRecord } from "./validate";

const HEADER =
  "email,password,years_of_experience,experience_level,education_level,skills_technologies,salary_min,salary_max";

describe("import file header", () => {
  it.each([
    ["unknown column", "email,favourite_color\n", /unknown column\(s\): favourite_color/],
    ["missing email", "years_of_experience\n3\n", /"email" is missing/],
    ["repeated column", "email,email\n", /repeated column\(s\): email/],
    ["empty file", "", /empty/],
  ])("refuses a CSV with %s", (_name, text, message) => {
    expect(() => recordsFromCsv(text)).toThrow(message);
  });

  it("refuses JSON with unknown keys or of the wrong shape", () => {
    expect(() => recordsFromJson('[{"email":"a@b.co","role":"admin"}]')).toThrow(/unknown column\(s\): role/);
    expect(() => recordsFromJson('{"people":[]}')).toThrow(ImportFileError);
    expect(() => recordsFromJson("{nope")).toThrow(/not valid JSON/);
  });

  it("accepts the export's database-owned columns (ignored)", () => {
    const [record] = recordsFromCsv("email,user_id,profile_completed\nA@B.co,123,true\n");
    expect(validateRecord(record!)).toMatchObject({ ok: true, email: "a@b.co", answers: {} });
  });
});

describe("validateRecord", () => {
  it("parses answers with the profile schema; empty cells are not answers", () => {
    const [record] = recordsFromCsv(`${HEADER}\nMe@Example.com,,5,senior,,Go; TypeScript ; go,50000,\n`);
    expect(validateRecord(record!)).toEqual({
      ok: true,
      row: 1,
      email: "me@example.com",
      password: undefined,
      answers: {
        years_of_experience: 5,
        experience_level: "senior",
        skills_technologies: ["Go", "TypeScript"],
        salary_min: 50000,
      },
    });
  });

  it.each([
    ["invalid enum", `${HEADER}\na@b.co,,3,guru,,,,\n`, /experience_level "guru": Choose your experience level/],
    ["bad email", `${HEADER}\nnot-an-email,,,,,,,\n`, /email "not-an-email": not a valid email address/],
    ["missing email", `${HEADER}\n,,,,,,,\n`, /email: required/],
    ["number out of range", `${HEADER}\na@b.co,,99,,,,,\n`, /years_of_experience "99"/],
    ["salary order", `${HEADER}\na@b.co,,,,,,9,1\n`, /salary_max.*at least the minimum/],
    ["wrong cell count", `${HEADER}\na@b.co,1\n`, /has 2 cells, the header has 8/],
  ])("rejects %s with a reason", (_name, text, reason) => {
    const [record] = recordsFromCsv(text);
    const result = validateRecord(record!);
    expect(result.ok).toBe(false);
    expect(result.ok ? "" : result.reasons.join("; ")).toMatch(reason);
  });

  it("honours answered_fields from an export: other values stay defaults", () => {
    const [record] = recordsFromJson(
      JSON.stringify([
        {
          email: "x@y.co",
          years_of_experience: 0,
          experience_level: "entry",
          education_level: "masters",
          answered_fields: ["education_level"],
        },
      ]),
    );
    expect(validateRecord(record!)).toMatchObject({ ok: true, answers: { education_level: "masters" } });
  });

  it("rejects every repeat of an email after its first row", () => {
    const records = recordsFromCsv("email\na@b.co\nA@B.CO\nc@d.co\na@b.co\n").map(validateRecord);
    const result = rejectDuplicates(records);
    expect(result.map((record) => record.ok)).toEqual([true, false, true, false]);
    expect(result[1]).toMatchObject({ reasons: ["duplicate email: same address as row 1"] });
  });
});
