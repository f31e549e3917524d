import { describe, expect, it } from "vitest";
import { chooseOrigin } from "./site-url";

describe("chooseOrigin", () => {
  it.each<[string | undefined, string | null, string]>([
    // A deployed site URL: no Host header can change it.
    ["https://app.example.com", "app.example.com", "https://app.example.com"],
    ["https://app.example.com/some/path", null, "https://app.example.com"],
    ["https://app.example.com", "evil.example", "https://app.example.com"],
    ["https://app.example.com", "localhost:3000", "https://app.example.com"],
    ["https://app.example.com", "127.0.0.1:3101", "https://app.example.com"],
    // A loopback site URL (development): a loopback Host wins, anything else does not.
    ["http://localhost:3000", "127.0.0.1:3101", "http://127.0.0.1:3101"],
    ["http://localhost:3000", "localhost:3001", "http://localhost:3001"],
    ["http://localhost:3000", "evil.example", "http://localhost:3000"],
    ["http://localhost:3000", "localhost@evil.example", "http://localhost:3000"],
    ["http://localhost:3000", "localhost:3000/@evil.example", "http://localhost:3000"],
    ["http://localhost:3000", "127.0.0.1.evil.example", "http://localhost:3000"],
    // Unset or unusable: the CLI's default site URL.
    [undefined, "app.example.com", "http://localhost:3000"],
    ["not a url", "evil.example", "http://localhost:3000"],
    ["javascript:alert(1)", null, "http://localhost:3000"],
    [undefined, null, "http://localhost:3000"],
  ])("site=%j host=%j → %s", (configured, host, expected) => {
    expect(chooseOrigin(configured, host)).toBe(expected);
  });
});
