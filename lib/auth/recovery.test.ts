import { describe, expect, it } from "vitest";
import { isMailLinkSession } from "./recovery";

describe("isMailLinkSession", () => {
  it.each<[string[], boolean]>([
    [["recovery"], true],
    [["otp"], true],
    [["password", "recovery"], true],
    [["password"], false],
    [["email/signup"], false],
    [[], false],
  ])("%j → %s", (methods, expected) => {
    expect(isMailLinkSession({ signInMethods: methods })).toBe(expected);
  });
});
