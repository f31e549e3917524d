import { describe, expect, it } from "vitest";
import { COMPLETION_FIELDS, type CompletionField } from "@/lib/profiles/fields";
import {
  firstUnansweredStep,
  getStep,
  isStepSlug,
  nextStep,
  OPTIONAL_STEP_SLUGS,
  previousStep,
  STEP_SLUGS,
  STEPS,
  stepForField,
  stepHref,
} from "./steps";

describe("the step list", () => {
  it("has the issue's steps in order, review last", () => {
    expect(STEP_SLUGS).toEqual(["experience", "education", "skills", "preferences", "salary", "review"]);
  });
  it("asks for every completion field exactly once", () => {
    const asked = STEPS.flatMap((step) => [...step.fields]);
    expect([...asked].sort()).toEqual([...COMPLETION_FIELDS].sort());
  });
  it("lets only steps without a required field be skipped", () => {
    expect(OPTIONAL_STEP_SLUGS).toEqual(["skills", "preferences", "salary"]);
  });
  it("moves forward and back", () => {
    expect(nextStep("experience")).toBe("education");
    expect(nextStep("salary")).toBe("review");
    expect(nextStep("review")).toBeNull();
    expect(previousStep("experience")).toBeNull();
    expect(previousStep("review")).toBe("salary");
  });
  it("recognises slugs", () => {
    expect(isStepSlug("skills")).toBe(true);
    expect(isStepSlug("admin")).toBe(false);
    expect(getStep("salary").fields).toEqual(["salary_range"]);
  });
});

describe("firstUnansweredStep", () => {
  it.each<[CompletionField[], string]>([
    [[], "experience"],
    [["years_of_experience"], "experience"],
    [["years_of_experience", "experience_level"], "education"],
    [["years_of_experience", "experience_level", "education_level", "field_of_study"], "skills"],
    [
      ["years_of_experience", "experience_level", "education_level", "field_of_study", "skills_technologies"],
      "preferences",
    ],
    [[...COMPLETION_FIELDS].filter((field) => field !== "salary_range"), "salary"],
    [[...COMPLETION_FIELDS], "review"],
    // An earlier gap wins over later answers.
    [["education_level", "field_of_study", "skills_technologies"], "experience"],
  ])("with %j answered resumes at %s", (answered, expected) => {
    expect(firstUnansweredStep(answered)).toBe(expected);
  });
});

describe("stepForField", () => {
  it.each<[CompletionField, string]>([
    ["years_of_experience", "experience"],
    ["field_of_study", "education"],
    ["skills_technologies", "skills"],
    ["preferred_locations", "preferences"],
    ["salary_range", "salary"],
  ])("%s is asked on %s", (field, step) => {
    expect(stepForField(field)).toBe(step);
  });
});

it("builds step links that carry a template", () => {
  expect(stepHref("skills")).toBe("/onboarding/skills");
  expect(stepHref("skills", "data-analyst")).toBe("/onboarding/skills?template=data-analyst");
});
