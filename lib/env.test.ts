import { afterEach, describe, expect, it, vi } from "vitest";
import { EnvError, publicEnv, serverEnv, visitorAuthEnv } from "./env";

afterEach(() => vi.unstubAllEnvs());

function stub(values: Record<string, string | undefined>) {
  for (const [key, value] of Object.entries(values)) vi.stubEnv(key, value);
}

describe("publicEnv", () => {
  it("prefers the publishable key over the legacy anon key", () => {
    stub({
      NEXT_PUBLIC_SUPABASE_URL: "http://127.0.0.1:54321",
      NEXT_PUBLIC_SUPABASE_ANON_KEY: "anon",
      NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY: "sb_publishable_x",
    });
    expect(publicEnv()).toEqual({ supabaseUrl: "http://127.0.0.1:54321", supabaseKey: "sb_publishable_x" });
  });

  it.each([
    [{ NEXT_PUBLIC_SUPABASE_URL: undefined, NEXT_PUBLIC_SUPABASE_ANON_KEY: "k" }, /NEXT_PUBLIC_SUPABASE_URL/],
    [
      { NEXT_PUBLIC_SUPABASE_URL: "not a url", NEXT_PUBLIC_SUPABASE_ANON_KEY: "k" },
      /NEXT_PUBLIC_SUPABASE_URL: must be a URL/,
    ],
    [
      {
        NEXT_PUBLIC_SUPABASE_URL: "http://x",
        NEXT_PUBLIC_SUPABASE_ANON_KEY: "",
        NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY: "",
      },
      /NEXT_PUBLIC_SUPABASE_ANON_KEY or NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY/,
    ],
  ])("names what is wrong (%j)", (values, message) => {
    stub(values);
    expect(() => publicEnv()).toThrow(EnvError);
    expect(() => publicEnv()).toThrow(message);
  });
});

describe("serverEnv", () => {
  it("names the missing service-role key and reads testing mode", () => {
    stub({
      NEXT_PUBLIC_SUPABASE_URL: "http://x",
      NEXT_PUBLIC_SUPABASE_ANON_KEY: "k",
      SUPABASE_SERVICE_ROLE_KEY: undefined,
    });
    expect(() => serverEnv()).toThrow(/SUPABASE_SERVICE_ROLE_KEY/);
    stub({ SUPABASE_SERVICE_ROLE_KEY: "srk", TESTING_MODE: "true" });
    expect(serverEnv()).toMatchObject({ serviceRoleKey: "srk", testingMode: true });
  });
});

describe("visitorAuthEnv", () => {
  it("is empty when nothing is set", () => {
    stub({ SUPABASE_SECRET_KEY: "", TRUSTED_CLIENT_IP_HEADER: undefined });
    expect(visitorAuthEnv()).toEqual({ secretKey: null, trustedClientIpHeader: null });
  });

  it("reads the secret key and the header name (lower-cased)", () => {
    stub({ SUPABASE_SECRET_KEY: "sb_secret_abc", TRUSTED_CLIENT_IP_HEADER: "X-Real-IP" });
    expect(visitorAuthEnv()).toEqual({ secretKey: "sb_secret_abc", trustedClientIpHeader: "x-real-ip" });
  });

  it.each([
    [{ SUPABASE_SECRET_KEY: "eyJhbGciOiJIUzI1NiJ9.service-role" }, /SUPABASE_SECRET_KEY: must be a secret API key/],
    [{ SUPABASE_SECRET_KEY: "sb_publishable_abc" }, /SUPABASE_SECRET_KEY/],
    [{ TRUSTED_CLIENT_IP_HEADER: "x real ip" }, /TRUSTED_CLIENT_IP_HEADER: must be a header name/],
  ])("names what is wrong (%j)", (values, message) => {
    stub({ SUPABASE_SECRET_KEY: undefined, TRUSTED_CLIENT_IP_HEADER: undefined, ...values });
    expect(() => visitorAuthEnv()).toThrow(message);
  });
});
