import { afterEach, describe, expect, it, vi } from "vitest";
import { createLogger, formatLine, redact } from "./logger";

describe("redact", () => {
  it.each([
    [{ password: "hunter22" }, { password: "[redacted]" }],
    [
      { access_token: "eyJ", refresh_token: "r1" },
      { access_token: "[redacted]", refresh_token: "[redacted]" },
    ],
    [
      { headers: { Authorization: "Bearer x", apikey: "k" } },
      { headers: { Authorization: "[redacted]", apikey: "[redacted]" } },
    ],
    [
      { userId: "u1", fields: ["skills"] },
      { userId: "u1", fields: ["skills"] },
    ],
    [{ error: new TypeError("boom") }, { error: { name: "TypeError", message: "boom" } }],
  ])("redacts %j", (input, expected) => {
    expect(redact(input)).toEqual(expected);
  });
});

describe("formatLine", () => {
  it("follows the `module - LEVEL - message` shape with JSON context", () => {
    const line = formatLine("lib.profiles", "warn", "Profile already exists", { userId: "u1" });
    expect(line).toMatch(
      /^\d{4}-\d\d-\d\dT[\d:.]+Z - lib\.profiles - WARNING - Profile already exists \{"userId":"u1"\}$/,
    );
  });
});

describe("createLogger", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
  });

  it("prints debug lines only in testing mode", () => {
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    vi.stubEnv("TESTING_MODE", "false");
    createLogger("m").debug("hidden");
    expect(log).not.toHaveBeenCalled();
    vi.stubEnv("TESTING_MODE", "true");
    createLogger("m").child("child").debug("shown");
    expect(log).toHaveBeenCalledWith(expect.stringContaining(" - m.child - DEBUG - shown"));
  });

  it("sends warnings and errors to stderr", () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    createLogger("m").error("failed", { password: "x" });
    expect(error).toHaveBeenCalledWith(expect.stringContaining('- m - ERROR - failed {"password":"[redacted]"}'));
  });
});
