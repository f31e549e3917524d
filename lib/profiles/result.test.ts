import { afterEach, describe, expect, it, vi } from "vitest";
import { createLogger } from "@/lib/logger";
import { backendFailure, invalid } from "./result";

const log = createLogger("test");
const cause = { code: "XX000", message: "relation user_profiles is broken at 10.0.0.5" };

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

describe("backendFailure", () => {
  it("tells the person only a reference id and logs the cause with it", () => {
    vi.stubEnv("TESTING_MODE", "false");
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const result = backendFailure(log, "user-1", "We could not save your answers", cause);
    expect(result).toMatchObject({ ok: false, kind: "unavailable" });
    expect(result.message).toBe(`We could not save your answers. Please try again. (Reference ${result.referenceId})`);
    expect(result.details).toBeUndefined();
    expect(JSON.stringify(result)).not.toContain("10.0.0.5");
    expect(logged.mock.calls[0]?.[0]).toContain(result.referenceId);
    expect(logged.mock.calls[0]?.[0]).toContain("10.0.0.5");
  });

  it("adds the cause in testing mode", () => {
    vi.stubEnv("TESTING_MODE", "true");
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    const result = backendFailure(log, "user-1", "We could not save your answers", cause);
    expect(result.details).toContain("XX000: relation user_profiles is broken");
  });
});

describe("invalid", () => {
  it("puts field errors next to their fields", () => {
    vi.spyOn(console, "warn").mockImplementation(() => undefined);
    expect(invalid(log, "u", { salary_max: "Too low" })).toEqual({
      ok: false,
      kind: "invalid",
      message: "Please check the highlighted fields.",
      fieldErrors: { salary_max: "Too low" },
    });
  });
});
