/** `next build` / `next start` without the Supabase variables stop with lib/env.ts's message. */
import { PHASE_DEVELOPMENT_SERVER, PHASE_PRODUCTION_BUILD, PHASE_PRODUCTION_SERVER } from "next/constants";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import config from "./next.config";

const NAMES = [
  "NEXT_PUBLIC_SUPABASE_URL",
  "NEXT_PUBLIC_SUPABASE_ANON_KEY",
  "NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY",
  "SUPABASE_SERVICE_ROLE_KEY",
];

describe("next.config", () => {
  beforeEach(() => {
    for (const name of NAMES) vi.stubEnv(name, "");
  });
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
  });

  it.each([
    [PHASE_PRODUCTION_BUILD, "next build"],
    [PHASE_PRODUCTION_SERVER, "next start"],
  ])("%s without env exits with the variable's name", (phase, command) => {
    const exit = vi.spyOn(process, "exit").mockImplementation(((code?: number) => {
      throw new Error(`exit ${code}`);
    }) as never);
    const printed = vi.spyOn(console, "error").mockImplementation(() => undefined);
    expect(() => config(phase)).toThrow("exit 1");
    expect(exit).toHaveBeenCalledWith(1);
    const message = String(printed.mock.calls[0]?.[0]);
    expect(message).toContain(`${command}: Invalid environment`);
    expect(message).toContain("NEXT_PUBLIC_SUPABASE_URL");
    expect(message).toContain("cp .env.example .env.local");
  });

  it("leaves the dev server alone (npm run dev supplies the local values)", () => {
    expect(config(PHASE_DEVELOPMENT_SERVER).poweredByHeader).toBe(false);
  });

  it("builds when the env is complete", () => {
    vi.stubEnv("NEXT_PUBLIC_SUPABASE_URL", "http://127.0.0.1:54321");
    vi.stubEnv("NEXT_PUBLIC_SUPABASE_ANON_KEY", "anon");
    vi.stubEnv("SUPABASE_SERVICE_ROLE_KEY", "service");
    expect(config(PHASE_PRODUCTION_BUILD).reactStrictMode).toBe(true);
  });
});
