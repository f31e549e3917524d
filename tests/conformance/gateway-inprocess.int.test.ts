/**
 * The gateway module in-process, with fake services that echo what they receive: routing, prefix
 * stripping, the Authorization it forwards (sb_ keys → legacy JWTs), apikey hidden from the query, and that a
 * service that throws yields a 500 while the server keeps serving. No database needed.
 */
import { createServer, type Server } from "node:http";
import { connect, type AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Service } from "@/supabase/local/contracts";
import { createGateway } from "@/supabase/local/gateway";
import { hmacKeys } from "@/supabase/local/jwt";
import {
  LOCAL_ANON_KEY,
  LOCAL_JWT_SECRET,
  LOCAL_PUBLISHABLE_KEY,
  LOCAL_SECRET_KEY,
  LOCAL_SERVICE_ROLE_KEY,
} from "@/supabase/local/keys";

const echo = (name: string): Service => ({
  async handle(req, res, ctx) {
    if (ctx.path === "/boom") throw new Error("service failure");
    res.writeHead(200, { "Content-Type": "application/json" });
    res.end(
      JSON.stringify({
        service: name,
        method: req.method,
        path: ctx.path,
        query: ctx.query.toString(),
        authorization: ctx.authorization,
        ip: ctx.ip,
      }),
    );
  },
});

let server: Server;
let base = "";
const logged: string[] = [];

beforeAll(async () => {
  server = createServer(
    createGateway({
      auth: echo("auth"),
      rest: echo("rest"),
      log: (line) => logged.push(line),
      jwtKeys: hmacKeys(LOCAL_JWT_SECRET),
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function call(path: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${base}${path}`, { headers });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe("gateway routing", () => {
  it.each([
    ["/auth/v1/token", "auth", "/token"],
    ["/auth/v1", "auth", "/"],
    ["/rest/v1/", "rest", "/"],
    ["/rest/v1/user_profiles", "rest", "/user_profiles"],
    ["/rest/v1/rpc/get_profile_completion", "rest", "/rpc/get_profile_completion"],
  ])("%s → %s %s", async (path, service, below) => {
    const { status, body } = await call(path, { apikey: LOCAL_ANON_KEY });
    expect(status).toBe(200);
    expect(body).toMatchObject({ service, path: below, ip: "127.0.0.1" });
  });

  it.each(["/", "/auth", "/auth/v2/token", "/rest/v1x", "/storage/v1/object"])("%s → 404", async (path) => {
    const { status, body } = await call(path, { apikey: LOCAL_ANON_KEY });
    expect(status).toBe(404);
    expect(body).toEqual({ message: "no Route matched with those values" });
  });
});

describe("gateway Authorization rewrite (the CLI's Kong)", () => {
  it.each<[string, Record<string, string>, string | null]>([
    // Kong copies a legacy apikey into Authorization without a `Bearer` scheme: no token reaches the service.
    ["anon key only", { apikey: LOCAL_ANON_KEY }, LOCAL_ANON_KEY],
    ["service JWT only", { apikey: LOCAL_SERVICE_ROLE_KEY }, LOCAL_SERVICE_ROLE_KEY],
    [
      "service JWT with its Bearer",
      { apikey: LOCAL_SERVICE_ROLE_KEY, authorization: `Bearer ${LOCAL_SERVICE_ROLE_KEY}` },
      `Bearer ${LOCAL_SERVICE_ROLE_KEY}`,
    ],
    ["publishable key alone", { apikey: LOCAL_PUBLISHABLE_KEY }, `Bearer ${LOCAL_ANON_KEY}`],
    ["secret key alone", { apikey: LOCAL_SECRET_KEY }, `Bearer ${LOCAL_SERVICE_ROLE_KEY}`],
    [
      "publishable key",
      { apikey: LOCAL_PUBLISHABLE_KEY, authorization: `Bearer ${LOCAL_PUBLISHABLE_KEY}` },
      `Bearer ${LOCAL_ANON_KEY}`,
    ],
    [
      "secret key",
      { apikey: LOCAL_SECRET_KEY, authorization: `Bearer ${LOCAL_SECRET_KEY}` },
      `Bearer ${LOCAL_SERVICE_ROLE_KEY}`,
    ],
    [
      "user token wins",
      { apikey: LOCAL_PUBLISHABLE_KEY, authorization: "Bearer user.jwt.here" },
      "Bearer user.jwt.here",
    ],
    [
      "another scheme",
      { apikey: LOCAL_SECRET_KEY, authorization: `Basic ${LOCAL_SERVICE_ROLE_KEY}` },
      `Basic ${LOCAL_SERVICE_ROLE_KEY}`,
    ],
    // Only `Bearer sb_` exactly is rewritten; any other spelling passes and fails verification downstream.
    [
      "lower-case sb_ key",
      { apikey: LOCAL_SECRET_KEY, authorization: `bearer ${LOCAL_SECRET_KEY}` },
      `bearer ${LOCAL_SECRET_KEY}`,
    ],
    ["bare Bearer", { apikey: LOCAL_PUBLISHABLE_KEY, authorization: "Bearer" }, "Bearer"],
    // Kong tests the header against nil, so an empty one passes too.
    ["empty header", { apikey: LOCAL_PUBLISHABLE_KEY, authorization: "" }, ""],
  ])("%s", async (_name, headers, authorization) => {
    const { body } = await call("/rest/v1/todos", headers);
    expect(body.authorization).toBe(authorization);
  });

  it("hides ?apikey= from the service and keeps other parameters in order", async () => {
    const { body } = await call(`/rest/v1/todos?select=id&apikey=${LOCAL_ANON_KEY}&id=eq.1&id=eq.2`);
    expect(body.query).toBe("select=id&id=eq.1&id=eq.2");
    expect(body.authorization).toBeNull();
  });

  it.each([LOCAL_PUBLISHABLE_KEY, LOCAL_SECRET_KEY])(
    "?apikey=%s passes the key check but maps to nothing",
    async (key) => {
      const { status, body } = await call(`/auth/v1/user?apikey=${key}`);
      expect(status).toBe(200);
      expect(body).toMatchObject({ service: "auth", authorization: null });
    },
  );
});

/** Sends a raw request line (fetch would normalise the target); returns the status line's code. */
function rawStatus(target: string): Promise<number> {
  const port = Number(new URL(base).port);
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1", () =>
      socket.write(`GET ${target} HTTP/1.1\r\nHost: x\r\napikey: ${LOCAL_ANON_KEY}\r\nConnection: close\r\n\r\n`),
    );
    let data = "";
    socket.on("data", (chunk) => (data += String(chunk)));
    socket.on("end", () => resolve(Number(data.split(" ")[1])));
    socket.on("error", reject);
  });
}

describe("gateway resilience", () => {
  it.each([
    ["//:", 404],
    ["//[", 404],
    ["http://x:99999/a", 404],
    ["*", 404],
    ["/rest/v1/%E0%A4%A", 200],
  ])("odd request target %j → %d, never 500", async (target, status) => {
    expect(await rawStatus(target)).toBe(status);
  });

  it("a throwing service → 500 JSON, logged, and the next request is served", async () => {
    const { status, body } = await call("/auth/v1/boom", { apikey: LOCAL_ANON_KEY });
    expect(status).toBe(500);
    expect(body).toHaveProperty("message");
    expect(logged.some((line) => line.includes("service failure"))).toBe(true);
    expect((await call("/auth/v1/health", { apikey: LOCAL_ANON_KEY })).status).toBe(200);
  });

  it("declared bodies over the gateway ceiling → 413 without reaching the service", async () => {
    const res = await fetch(`${base}/rest/v1/todos`, {
      method: "POST",
      headers: { apikey: LOCAL_ANON_KEY, "Content-Type": "application/json" },
      body: "x".repeat(10 * 1024 * 1024 + 1),
    });
    expect(res.status).toBe(413);
    expect((await call("/rest/v1/todos", { apikey: LOCAL_ANON_KEY })).status).toBe(200);
  });

  it("preflight without a key → 200 reflecting the requested headers", async () => {
    const res = await fetch(`${base}/rest/v1/todos`, {
      method: "OPTIONS",
      headers: {
        Origin: "http://localhost:3000",
        "Access-Control-Request-Method": "PATCH",
        "Access-Control-Request-Headers": "x-custom, prefer",
      },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("access-control-allow-headers")).toBe("x-custom, prefer");
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
  });
});
