import { describe, expect, it } from "vitest";
import { z } from "zod";
import { echoValues, failure, flattenIssues, formDataToObject, success } from "./form-state";

function form(entries: [string, string][]): FormData {
  const data = new FormData();
  for (const [key, value] of entries) data.append(key, value);
  return data;
}

describe("formDataToObject", () => {
  it.each<[string, [string, string][], Record<string, unknown>]>([
    ["single values stay strings", [["email", "a@b.co"]], { email: "a@b.co" }],
    [
      "repeated keys become arrays",
      [
        ["skills", "go"],
        ["skills", "sql"],
      ],
      { skills: ["go", "sql"] },
    ],
    ["a [] suffix is always an array", [["skills[]", "go"]], { skills: ["go"] }],
    [
      "Next.js internal fields are dropped",
      [
        ["$ACTION_ID_abc", ""],
        ["a", "1"],
      ],
      { a: "1" },
    ],
  ])("%s", (_name, entries, expected) => {
    expect(formDataToObject(form(entries))).toEqual(expected);
  });

  it("skips files", () => {
    const data = new FormData();
    data.append("avatar", new Blob(["x"]), "a.png");
    expect(formDataToObject(data)).toEqual({});
  });
});

describe("echoValues", () => {
  it("never echoes secrets but keeps ordinary fields", () => {
    expect(
      echoValues({ email: "a@b.co", password: "x", confirmPassword: "x", token_hash: "t", code: "c", zip_code: "1" }),
    ).toEqual({ email: "a@b.co", zip_code: "1" });
  });

  it("keeps string arrays and drops other shapes", () => {
    expect(echoValues({ skills: ["a", "b"], n: 3, mixed: ["a", 1] })).toEqual({ skills: ["a", "b"] });
  });
});

describe("flattenIssues", () => {
  const schema = z
    .object({ email: z.email({ message: "Enter an email" }), age: z.number({ message: "Enter a number" }) })
    .refine(() => false, { message: "Form-level problem" });

  it("keys the first message by top-level field and lifts form-level issues", () => {
    const result = schema.safeParse({ email: "nope", age: "x" });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(flattenIssues(result.error.issues)).toEqual({
      fieldErrors: { email: "Enter an email", age: "Enter a number" },
    });
    const refined = schema.safeParse({ email: "a@b.co", age: 3 });
    if (refined.success) throw new Error("expected failure");
    expect(flattenIssues(refined.error.issues)).toEqual({ fieldErrors: {}, formError: "Form-level problem" });
  });

  it("reports an unknown key on that key", () => {
    const strict = z.strictObject({ a: z.string() }).safeParse({ a: "x", profile_completed: true });
    if (strict.success) throw new Error("expected failure");
    expect(flattenIssues(strict.error.issues).fieldErrors).toEqual({
      profile_completed: "This field cannot be changed",
    });
  });
});

describe("success / failure", () => {
  it("omits empty parts", () => {
    expect(success()).toEqual({ ok: true });
    expect(failure("No", {})).toEqual({ ok: false, kind: "refused", message: "No" });
    expect(failure(undefined, { email: "Bad" }, { email: "x" })).toEqual({
      ok: false,
      kind: "invalid",
      fieldErrors: { email: "Bad" },
      values: { email: "x" },
    });
  });
});
