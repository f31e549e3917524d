import { afterEach, describe, expect, it, vi } from "vitest";
import { createLogger } from "@/lib/logger";
import { profileFailure } from "@/lib/actions/profile-form-state";
import { backendFailure } from "./result";

const log = createLogger("test");
const cause = { code: "XX000", message: "relation user_profiles is broken at 10.0.0.5" };

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

describe("backendFailure", () => {
  it("hides the cause outside testing mode and logs it with the reference id", () => {
    vi.stubEnv("TESTING_MODE", "false");
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const result = backendFailure(log, "user-1", "Could not save the profile", cause);
    expect(result.success).toBe(false);
    expect(result.errorDetails).toBe(`Reference ${result.referenceId}`);
    expect(result.errorDetails).not.toContain("10.0.0.5");
    expect(logged.mock.calls[0]?.[0]).toContain(result.referenceId);
    expect(logged.mock.calls[0]?.[0]).toContain("10.0.0.5");
  });

  it("shows the cause in testing mode", () => {
    vi.stubEnv("TESTING_MODE", "true");
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    const result = backendFailure(log, "user-1", "Could not save the profile", cause);
    expect(result.errorDetails).toContain("XX000: relation user_profiles is broken");
  });
});

describe("profileFailure (what the form shows)", () => {
  it("puts field errors next to their fields", () => {
    const state = profileFailure(
      { success: false, message: "Some answers need a fix.", userId: "u", fieldErrors: { salary_max: "Too low" } },
      { salary_max: "1" },
    );
    expect(state).toMatchObject({ ok: false, fieldErrors: { salary_max: "Too low" }, values: { salary_max: "1" } });
  });
  it("turns a server failure into one sentence with the reference id, never the cause", () => {
    const state = profileFailure(
      {
        success: false,
        message: "Could not save the profile",
        userId: "u",
        referenceId: "ab12cd34",
        errorDetails: "XX000",
      },
      {},
    );
    expect(state.message).toBe("We could not save your answers. Please try again. (Reference ab12cd34)");
    expect(state.fieldErrors).toBeUndefined();
  });
});
