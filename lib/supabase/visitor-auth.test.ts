import { afterEach, describe, expect, it, vi } from "vitest";
import { visitorAuthFetch, visitorAuthOptions, type VisitorAuthConfig } from "./visitor-auth";

const config: VisitorAuthConfig = {
  supabaseUrl: "https://ref.supabase.co",
  publicKey: "sb_publishable_pub",
  secretKey: "sb_secret_sec",
  clientIp: "198.51.100.23",
};

function recorder() {
  const seen: { url: string; headers: Headers }[] = [];
  const base = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    seen.push({ url: String(input), headers: new Headers(init?.headers) });
    return new Response("{}");
  });
  return { seen, base: base as unknown as typeof fetch };
}

const keyHeaders = (authorization: string) => ({ apikey: config.publicKey, Authorization: authorization });

describe("visitorAuthFetch", () => {
  it("sends Auth requests with the secret key and the visitor's IP", async () => {
    const { seen, base } = recorder();
    const wrapped = visitorAuthFetch(config, base);
    await wrapped("https://ref.supabase.co/auth/v1/token?grant_type=password", {
      method: "POST",
      headers: keyHeaders(`Bearer ${config.publicKey}`),
    });
    const sent = seen[0]!.headers;
    expect(sent.get("apikey")).toBe("sb_secret_sec");
    expect(sent.get("sb-forwarded-for")).toBe("198.51.100.23");
    // The publishable key as a bearer would contradict the secret key: it goes.
    expect(sent.has("authorization")).toBe(false);
  });

  it("keeps the person's own access token on Auth requests", async () => {
    const { seen, base } = recorder();
    await visitorAuthFetch(config, base)("https://ref.supabase.co/auth/v1/user", {
      headers: keyHeaders("Bearer user.access.token"),
    });
    expect(seen[0]!.headers.get("authorization")).toBe("Bearer user.access.token");
    expect(seen[0]!.headers.get("apikey")).toBe("sb_secret_sec");
  });

  it.each([
    "https://ref.supabase.co/rest/v1/user_profiles?select=*",
    "https://ref.supabase.co/rest/v1/rpc/admin_profile_totals",
    "https://ref.supabase.co/storage/v1/object/x",
    "https://elsewhere.example/auth/v1/token",
  ])("leaves %s untouched: data never goes out with the secret key", async (url) => {
    const { seen, base } = recorder();
    await visitorAuthFetch(config, base)(url, { headers: keyHeaders("Bearer user.access.token") });
    expect(seen[0]!.headers.get("apikey")).toBe(config.publicKey);
    expect(seen[0]!.headers.has("sb-forwarded-for")).toBe(false);
  });

  it("refuses the Auth admin API", async () => {
    const { base } = recorder();
    const wrapped = visitorAuthFetch(config, base);
    await expect(wrapped("https://ref.supabase.co/auth/v1/admin/users", {})).rejects.toThrow(/admin API/);
    await expect(
      visitorAuthFetch({ ...config, clientIp: null }, base)("https://ref.supabase.co/auth/v1/admin/users", {}),
    ).rejects.toThrow(/admin API/);
    expect(base).not.toHaveBeenCalled();
  });

  it("without a known visitor IP sends Auth requests as they are", async () => {
    const { seen, base } = recorder();
    await visitorAuthFetch({ ...config, clientIp: null }, base)("https://ref.supabase.co/auth/v1/token", {
      headers: keyHeaders(`Bearer ${config.publicKey}`),
    });
    expect(seen[0]!.headers.get("apikey")).toBe(config.publicKey);
    expect(seen[0]!.headers.has("sb-forwarded-for")).toBe(false);
  });

  it("accepts a project URL with a trailing slash", async () => {
    const { seen, base } = recorder();
    await visitorAuthFetch({ ...config, supabaseUrl: "http://127.0.0.1:54321/" }, base)(
      "http://127.0.0.1:54321/auth/v1/signup",
      { headers: keyHeaders(`Bearer ${config.publicKey}`) },
    );
    expect(seen[0]!.headers.get("sb-forwarded-for")).toBe("198.51.100.23");
  });
});

describe("visitorAuthOptions (from the environment and the request)", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.unstubAllGlobals();
  });

  function stubEnv(secret: string | undefined, header: string | undefined) {
    vi.stubEnv("NEXT_PUBLIC_SUPABASE_URL", "https://ref.supabase.co");
    vi.stubEnv("NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY", "sb_publishable_pub");
    vi.stubEnv("SUPABASE_SECRET_KEY", secret);
    vi.stubEnv("TRUSTED_CLIENT_IP_HEADER", header);
  }

  it("changes nothing without a secret key (and says so once)", () => {
    stubEnv(undefined, undefined);
    const warn = vi.spyOn(console, "error").mockImplementation(() => undefined);
    expect(visitorAuthOptions(new Headers({ "x-forwarded-for": "198.51.100.1" }))).toEqual({});
    visitorAuthOptions(new Headers());
    expect(warn.mock.calls.filter((call) => String(call[0]).includes("SUPABASE_SECRET_KEY"))).toHaveLength(1);
  });

  it("forwards the address from the configured header", async () => {
    stubEnv("sb_secret_sec", "X-Real-IP");
    const sent: Headers[] = [];
    vi.stubGlobal("fetch", async (_input: RequestInfo | URL, init?: RequestInit) => {
      sent.push(new Headers(init?.headers));
      return new Response("{}");
    });
    const options = visitorAuthOptions(new Headers({ "x-real-ip": "198.51.100.9", "x-forwarded-for": "6.6.6.6" }));
    await options.global?.fetch("https://ref.supabase.co/auth/v1/token", { headers: { apikey: "sb_publishable_pub" } });
    expect(sent[0]?.get("sb-forwarded-for")).toBe("198.51.100.9");
    expect(sent[0]?.get("apikey")).toBe("sb_secret_sec");
  });
});
