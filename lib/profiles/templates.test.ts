import { describe, expect, it } from "vitest";
import { findTemplate, PROFILE_TEMPLATES } from "./templates";
import { educationSchema, experienceSchema, preferencesSchema, skillsSchema } from "./schema";

describe("profile templates", () => {
  it("offers the issue's roles", () => {
    expect(PROFILE_TEMPLATES.map((template) => template.label)).toEqual([
      "Frontend engineer",
      "Data analyst",
      "Engineering manager",
      "Student / career changer",
    ]);
  });
  it.each(PROFILE_TEMPLATES.map((template) => [template.id, template] as const))(
    "%s suggests answers the schemas accept",
    (_id, { suggestions }) => {
      expect(experienceSchema.safeParse(suggestions).success).toBe(true);
      expect(educationSchema.safeParse(suggestions).success).toBe(true);
      expect(skillsSchema.safeParse(suggestions).success).toBe(true);
      expect(preferencesSchema.safeParse({ ...suggestions, preferred_locations: [] }).success).toBe(true);
    },
  );
  it("has unique ids and finds by id", () => {
    expect(new Set(PROFILE_TEMPLATES.map((template) => template.id)).size).toBe(PROFILE_TEMPLATES.length);
    expect(findTemplate("data-analyst")?.label).toBe("Data analyst");
    expect(findTemplate("nope")).toBeNull();
    expect(findTemplate(undefined)).toBeNull();
  });
});
