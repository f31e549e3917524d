import { describe, expect, it } from "vitest";
import { allowedActionOrigins } from "./action-origins";

describe("allowedActionOrigins", () => {
  it.each<[string | undefined, string[]]>([
    ["https://app.example.com", ["app.example.com"]],
    ["https://app.example.com:8443/path", ["app.example.com:8443"]],
    ["http://localhost:3000", ["localhost:3000"]],
    [undefined, []],
    ["", []],
    ["not a url", []],
    ["javascript:alert(1)", []],
  ])("%j → %j", (site, expected) => {
    expect(allowedActionOrigins(site)).toEqual(expected);
  });
});
