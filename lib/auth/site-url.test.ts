import { describe, expect, it } from "vitest";
import { chooseOrigin } from "./site-url";

describe("chooseOrigin", () => {
  it.each<[string | undefined, string | null, string]>([
    ["https://app.example.com", "https://app.example.com", "https://app.example.com"],
    ["https://app.example.com/some/path", null, "https://app.example.com"],
    ["https://app.example.com", "https://evil.example", "https://app.example.com"],
    ["http://localhost:3000", "http://127.0.0.1:3101", "http://127.0.0.1:3101"],
    ["http://localhost:3000", "http://localhost:3001", "http://localhost:3001"],
    [undefined, "https://app.example.com", "https://app.example.com"],
    ["not a url", "http://127.0.0.1:3000", "http://127.0.0.1:3000"],
    ["javascript:alert(1)", null, "http://localhost:3000"],
    [undefined, null, "http://localhost:3000"],
  ])("site=%j request=%j → %s", (configured, request, expected) => {
    expect(chooseOrigin(configured, request)).toBe(expected);
  });
});
