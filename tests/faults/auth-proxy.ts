/**
 * A small HTTP proxy in front of the Supabase under test that can be switched, mid-test, to behave
 * like a broken Auth: "pass" forwards everything; "refuse" drops every connection (what a stopped
 * stack looks like from the app); a number answers every `/auth/v1/*` call with that status and a
 * GoTrue-shaped body (500 as Auth answers when its database is down, 502/503/504 from a gateway,
 * 401 for a session Auth no longer accepts).
 */
import { createServer, request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export type ProxyMode = "pass" | "refuse" | number;

export interface AuthProxy {
  url: string;
  mode: ProxyMode;
  close(): Promise<void>;
}

export async function startAuthProxy(target: string): Promise<AuthProxy> {
  const upstream = new URL(target);
  const state: { mode: ProxyMode } = { mode: "pass" };
  const server: Server = createServer((req, res) => {
    const mode = state.mode;
    if (mode === "refuse") {
      req.socket.destroy();
      return;
    }
    if (typeof mode === "number" && req.url?.startsWith("/auth/v1/")) {
      const code = mode === 401 ? "bad_jwt" : "unexpected_failure";
      res.writeHead(mode, { "Content-Type": "application/json", "X-Supabase-Api-Version": "2024-01-01" });
      res.end(JSON.stringify({ code: mode, error_code: code, msg: mode === 401 ? "invalid JWT" : "Internal error" }));
      return;
    }
    const forward = httpRequest(
      { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    forward.on("error", () => res.destroy());
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    get mode() {
      return state.mode;
    },
    set mode(next: ProxyMode) {
      state.mode = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
