import { describe, expect, it } from "vitest";
import {
  educationSchema,
  experienceSchema,
  normalizeTags,
  preferencesSchema,
  profileUpdateSchema,
  salarySchema,
  skillsSchema,
} from "./schema";
import { flattenIssues } from "@/lib/result";

function errors(result: { success: boolean; error?: { issues: Parameters<typeof flattenIssues>[0] } }) {
  return result.success || !result.error ? {} : flattenIssues(result.error.issues).fieldErrors;
}

describe("experienceSchema", () => {
  it.each([
    [
      { years_of_experience: "12", experience_level: "senior" },
      { years_of_experience: 12, experience_level: "senior" },
    ],
    [
      { years_of_experience: 0, experience_level: "entry" },
      { years_of_experience: 0, experience_level: "entry" },
    ],
    [
      { years_of_experience: " 70 ", experience_level: "lead" },
      { years_of_experience: 70, experience_level: "lead" },
    ],
  ])("accepts %j", (input, output) => {
    expect(experienceSchema.parse(input)).toEqual(output);
  });

  it.each([
    [
      { years_of_experience: "71", experience_level: "mid" },
      "years_of_experience",
      "Years of experience must be at most 70",
    ],
    [
      { years_of_experience: "-1", experience_level: "mid" },
      "years_of_experience",
      "Years of experience must be at least 0",
    ],
    [
      { years_of_experience: "2.5", experience_level: "mid" },
      "years_of_experience",
      "Enter years of experience as a whole number, like 12",
    ],
    [
      { years_of_experience: "abc", experience_level: "mid" },
      "years_of_experience",
      "Enter years of experience as a whole number, like 12",
    ],
    [{ years_of_experience: "", experience_level: "mid" }, "years_of_experience", "Enter your years of experience"],
    [{ years_of_experience: "3", experience_level: "guru" }, "experience_level", "Choose your experience level"],
    [{ years_of_experience: "3" }, "experience_level", "Choose your experience level"],
  ])("rejects %j", (input, field, message) => {
    expect(errors(experienceSchema.safeParse(input))[field]).toBe(message);
  });
});

describe("educationSchema", () => {
  it("trims the field of study and turns a blank one into null", () => {
    expect(educationSchema.parse({ education_level: "masters", field_of_study: "  Physics " })).toEqual({
      education_level: "masters",
      field_of_study: "Physics",
    });
    expect(educationSchema.parse({ education_level: "phd", field_of_study: "   " }).field_of_study).toBeNull();
  });
  it("limits the field of study to 120 characters", () => {
    const result = educationSchema.safeParse({ education_level: "other", field_of_study: "x".repeat(121) });
    expect(errors(result).field_of_study).toBe("Field of study can be at most 120 characters");
  });
});

describe("tag lists", () => {
  it("de-duplicates case-insensitively, keeping the first spelling, and drops blanks", () => {
    expect(normalizeTags(["TypeScript", " typescript ", "", "React", "react  native", "React Native"])).toEqual([
      "TypeScript",
      "React",
      "react native",
    ]);
  });
  it("accepts 50 skills and rejects 51", () => {
    const fifty = Array.from({ length: 50 }, (_, i) => `skill ${i}`);
    expect(skillsSchema.parse({ skills_technologies: fifty }).skills_technologies).toHaveLength(50);
    const result = skillsSchema.safeParse({ skills_technologies: [...fifty, "one more"] });
    expect(errors(result).skills_technologies).toBe("You can add up to 50 skills");
  });
  it("counts duplicates once when checking the limit", () => {
    const fifty = Array.from({ length: 50 }, (_, i) => `skill ${i}`);
    expect(skillsSchema.safeParse({ skills_technologies: [...fifty, "SKILL 1"] }).success).toBe(true);
  });
  it("rejects a skill longer than 50 characters", () => {
    const result = skillsSchema.safeParse({ skills_technologies: ["x".repeat(51)] });
    expect(errors(result).skills_technologies).toBe("Each skill can be at most 50 characters");
  });
  it("treats a missing list as empty and a single form value as a list", () => {
    expect(skillsSchema.parse({}).skills_technologies).toEqual([]);
    expect(preferencesSchema.parse({ work_arrangement_preference: "remote", preferred_locations: "Berlin" })).toEqual({
      work_arrangement_preference: "remote",
      preferred_locations: ["Berlin"],
    });
  });
  it("limits locations to 20", () => {
    const many = Array.from({ length: 21 }, (_, i) => `City ${i}`);
    const result = preferencesSchema.safeParse({ work_arrangement_preference: "any", preferred_locations: many });
    expect(errors(result).preferred_locations).toBe("You can add up to 20 locations");
  });
});

describe("salarySchema", () => {
  it("parses amounts and upper-cases the currency", () => {
    expect(salarySchema.parse({ salary_min: "50000", salary_max: "70000", salary_currency: "eur" })).toEqual({
      salary_min: 50000,
      salary_max: 70000,
      salary_currency: "EUR",
    });
  });
  it("allows an open-ended range", () => {
    expect(salarySchema.parse({ salary_min: "", salary_max: "90000", salary_currency: "USD" }).salary_min).toBeNull();
  });
  it.each([
    [
      { salary_min: "90000", salary_max: "50000", salary_currency: "USD" },
      "salary_max",
      "Maximum salary must be at least the minimum salary",
    ],
    [
      { salary_min: "1", salary_max: "2", salary_currency: "XYZ" },
      "salary_currency",
      "Choose a currency from the list",
    ],
    [{ salary_min: "-5", salary_max: "", salary_currency: "USD" }, "salary_min", "Minimum salary must be at least 0"],
    [
      { salary_min: "3000000000", salary_max: "", salary_currency: "USD" },
      "salary_min",
      "Minimum salary must be at most 2,147,483,647",
    ],
  ])("rejects %j", (input, field, message) => {
    expect(errors(salarySchema.safeParse(input))[field]).toBe(message);
  });
});

describe("profileUpdateSchema", () => {
  it("accepts updates of any editable columns", () => {
    expect(
      profileUpdateSchema.parse({ years_of_experience: 3, experience_level: "mid", education_level: "masters" }),
    ).toEqual({ years_of_experience: 3, experience_level: "mid", education_level: "masters" });
  });
  it("rejects columns people may not write", () => {
    const result = profileUpdateSchema.safeParse({ profile_completed: true, user_id: "x" });
    expect(errors(result)).toEqual({
      profile_completed: "This field cannot be changed",
      user_id: "This field cannot be changed",
    });
  });
  it("checks the salary order only when both ends are given", () => {
    expect(profileUpdateSchema.safeParse({ salary_min: 10 }).success).toBe(true);
    expect(errors(profileUpdateSchema.safeParse({ salary_min: 10, salary_max: 5 })).salary_max).toBe(
      "Maximum salary must be at least the minimum salary",
    );
  });
});

describe("numbers: only plain decimal integers, as the browser and the server both parse them", () => {
  it.each(["1e1", "0x10", " 1e1 ", "1.0", "+5", "Infinity", "١٢", "12abc", "1,000"])("years %j is refused", (years) => {
    expect(errors(experienceSchema.safeParse({ years_of_experience: years, experience_level: "mid" }))).toEqual({
      years_of_experience: "Enter years of experience as a whole number, like 12",
    });
  });

  it.each(["1e5", "0x10", "85.000", "85,00", "1,0000", "$85000"])("salary %j is refused", (amount) => {
    expect(errors(salarySchema.safeParse({ salary_min: amount, salary_max: "", salary_currency: "USD" }))).toEqual({
      salary_min: "Enter minimum salary as a whole number, like 85,000",
    });
  });

  it.each([
    ["85000", 85000],
    ["85,000", 85000],
    [" 1,250,000 ", 1250000],
  ])("salary %j is %d", (amount, expected) => {
    expect(salarySchema.parse({ salary_min: amount, salary_max: "", salary_currency: "USD" }).salary_min).toBe(
      expected,
    );
  });
});
