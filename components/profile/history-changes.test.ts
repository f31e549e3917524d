import { describe, expect, it } from "vitest";
import type { ProfileSave } from "@/lib/profiles/history";
import type { Profile } from "@/lib/profiles/row";
import { summarizeSaves } from "./history-changes";

const base: Profile = {
  profile_id: "p",
  user_id: "u",
  years_of_experience: 0,
  experience_level: null,
  education_level: "other",
  field_of_study: null,
  skills_technologies: [],
  work_arrangement_preference: null,
  preferred_locations: [],
  salary_min: null,
  salary_max: null,
  salary_currency: "USD",
  profile_completed: false,
  answered_fields: [],
  skipped_fields: [],
  completed_at: null,
  created_at: null,
  updated_at: null,
};

const save = (changedAt: string, rows: ProfileSave["rows"], bySelf = true): ProfileSave => ({
  changedAt,
  bySelf,
  rows,
});

describe("summarizeSaves", () => {
  it("shows a first answer over a column default as the answer alone", () => {
    const current: Profile = {
      ...base,
      years_of_experience: 10,
      experience_level: "senior",
      education_level: "bachelors",
      answered_fields: ["years_of_experience", "experience_level", "education_level", "field_of_study"],
    };
    const summaries = summarizeSaves(current, [
      save("t2", [
        { column: "education_level", oldValue: "other", newValue: "bachelors" },
        {
          column: "answered_fields",
          oldValue: ["years_of_experience", "experience_level"],
          newValue: current.answered_fields,
        },
      ]),
      save("t1", [
        { column: "years_of_experience", oldValue: 0, newValue: 10 },
        { column: "experience_level", oldValue: null, newValue: "senior" },
        { column: "answered_fields", oldValue: [], newValue: ["years_of_experience", "experience_level"] },
      ]),
    ]);
    expect(summaries).toEqual([
      // field_of_study answered blank: nothing → nothing is not listed.
      { changedAt: "t2", bySelf: true, changes: [{ field: "education_level", from: null, to: "Bachelor's degree" }] },
      {
        changedAt: "t1",
        bySelf: true,
        changes: [
          { field: "years_of_experience", from: null, to: "10 years" },
          { field: "experience_level", from: null, to: "Senior" },
        ],
      },
    ]);
  });

  it("reads salary columns as one range, formatted like the profile", () => {
    const answered = ["salary_range"] as Profile["answered_fields"];
    const current: Profile = {
      ...base,
      salary_min: 85000,
      salary_max: 100000,
      salary_currency: "EUR",
      answered_fields: answered,
    };
    const summaries = summarizeSaves(current, [
      save("t2", [
        { column: "salary_max", oldValue: 90000, newValue: 100000 },
        { column: "salary_currency", oldValue: "USD", newValue: "EUR" },
      ]),
      save("t1", [
        { column: "salary_min", oldValue: null, newValue: 85000 },
        { column: "salary_max", oldValue: null, newValue: 90000 },
        { column: "answered_fields", oldValue: [], newValue: answered },
      ]),
    ]);
    expect(summaries.map((summary) => summary.changes)).toEqual([
      [{ field: "salary_range", from: "85,000 USD – 90,000 USD per year", to: "85,000 EUR – 100,000 EUR per year" }],
      [{ field: "salary_range", from: null, to: "85,000 USD – 90,000 USD per year" }],
    ]);
  });

  it("drops empty → empty and lists a removal", () => {
    const answered = ["skills_technologies", "preferred_locations"] as Profile["answered_fields"];
    const current: Profile = { ...base, answered_fields: answered };
    const summaries = summarizeSaves(current, [
      save("t2", [
        { column: "preferred_locations", oldValue: null, newValue: [] },
        { column: "skills_technologies", oldValue: ["Go"], newValue: [] },
      ]),
    ]);
    expect(summaries).toEqual([
      { changedAt: "t2", bySelf: true, changes: [{ field: "skills_technologies", from: "Go", to: null }] },
    ]);
  });

  it("leaves out saves with nothing a person would see", () => {
    const current: Profile = { ...base, answered_fields: ["salary_range"] };
    expect(
      summarizeSaves(current, [save("t1", [{ column: "answered_fields", oldValue: [], newValue: ["salary_range"] }])]),
    ).toEqual([]);
  });
});
