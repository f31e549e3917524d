/**
 * The API gateway: what Kong does in front of GoTrue and PostgREST. Routes
 * `/auth/v1/*` and `/rest/v1/*` to their services with the prefix stripped, enforces the `apikey` like
 * hosted, rewrites Authorization as the CLI's Kong does (keys.ts), answers CORS, and
 * turns any thrown error into a 500 so one bad request never takes the server down.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Service, ServiceContext } from "./contracts";
import {
  forwardedAuthorization,
  LOCAL_ANON_KEY,
  LOCAL_PUBLISHABLE_KEY,
  LOCAL_SECRET_KEY,
  LOCAL_SERVICE_ROLE_KEY,
} from "./keys";
import type { AccessLog } from "./access-log";
import { verifyJwt, type JwtKeys } from "./jwt";

/** Kong's ceiling; each service also enforces its own (smaller) limit in its own dialect. */
export const GATEWAY_MAX_BODY_BYTES = 10 * 1024 * 1024;

export const EXPOSED_HEADERS = [
  "Content-Range",
  "Content-Location",
  "Content-Encoding",
  "Content-Type",
  "Content-Length",
  "Date",
  "Location",
  "Link",
  "Preference-Applied",
  "Range-Unit",
  "Server",
  "Transfer-Encoding",
  "X-Total-Count",
  "X-Supabase-Api-Version",
  "X-Sb-Error-Code",
].join(", ");

const DEFAULT_ALLOWED_HEADERS =
  "apikey, authorization, content-type, x-client-info, x-supabase-api-version, accept-profile, content-profile, prefer, range, x-retry-count";
const ALLOWED_METHODS = "GET, HEAD, PUT, PATCH, POST, DELETE, OPTIONS";

const KNOWN_KEYS = new Set([LOCAL_ANON_KEY, LOCAL_SERVICE_ROLE_KEY, LOCAL_PUBLISHABLE_KEY, LOCAL_SECRET_KEY]);

/** GoTrue routes that hosted serves without an apikey (links clicked in mails, OAuth redirects). */
const OPEN_AUTH_PATHS = new Set(["/verify", "/callback", "/authorize", "/.well-known/jwks.json"]);

export interface GatewayDeps {
  auth: Service;
  rest: Service;
  log: (line: string) => void;
  /** Legacy JWT apikeys other than the well-known ones are accepted when they verify with these. */
  jwtKeys: JwtKeys;
  /** Records every answered request (off when null or absent). */
  accessLog?: AccessLog | null;
}

type Route = { service: Service; name: "auth" | "rest"; path: string };

/** Pure: URL path → service name + path below the prefix, or null (→ 404). */
export function routeOf(pathname: string): { name: "auth" | "rest"; path: string } | null {
  for (const name of ["auth", "rest"] as const) {
    const prefix = `/${name}/v1`;
    if (pathname === prefix) return { name, path: "/" };
    if (pathname.startsWith(`${prefix}/`)) return { name, path: pathname.slice(prefix.length) };
  }
  return null;
}

/**
 * The apikey check. Returns null when the request may pass, else the 401 body. Besides the project's
 * well-known keys, a legacy JWT key signed with the project's keys passes (a key minted with the
 * signing key, as a project that rotated to signing keys may hold).
 */
export async function apikeyProblem(
  apikey: string | undefined,
  open: boolean,
  keys: JwtKeys,
): Promise<{ message: string; hint: string } | null> {
  if (apikey === undefined || apikey === "") {
    if (open) return null;
    return { message: "No API key found in request", hint: "No `apikey` request header or url param was found." };
  }
  if (KNOWN_KEYS.has(apikey)) return null;
  if (!apikey.startsWith("sb_") && (await verifyJwt(apikey, keys)).ok) return null;
  return { message: "Invalid API key", hint: "Double check your API key." };
}

function clientIp(req: IncomingMessage): string {
  const address = req.socket.remoteAddress ?? "";
  return address.startsWith("::ffff:") ? address.slice(7) : address;
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "Content-Type": "application/json; charset=utf-8",
    "Content-Length": Buffer.byteLength(text),
  });
  res.end(text);
}

/** 413. The upload is drained first (up to a sane size) so the client reliably reads the answer. */
/**
 * 413 at once, whatever the declared size: the body may never come. What does come is drained (so a
 * client still sending can read the answer) for a few seconds, then the socket closes.
 */
function refuseBody(req: IncomingMessage, res: ServerResponse): void {
  const timer = setTimeout(() => req.socket.destroy(), 5_000);
  req.on("end", () => clearTimeout(timer));
  req.on("error", () => res.destroy());
  req.resume();
  sendJson(res, 413, { message: "Request Entity Too Large" });
}

function setCors(req: IncomingMessage, res: ServerResponse): void {
  res.setHeader("Access-Control-Allow-Origin", "*");
  res.setHeader("Access-Control-Expose-Headers", EXPOSED_HEADERS);
  if (req.method === "OPTIONS") {
    const requested = req.headers["access-control-request-headers"];
    res.setHeader("Access-Control-Allow-Methods", ALLOWED_METHODS);
    res.setHeader(
      "Access-Control-Allow-Headers",
      requested && requested.length > 0 ? requested : DEFAULT_ALLOWED_HEADERS,
    );
    res.setHeader("Access-Control-Max-Age", "86400");
  }
}

export function createGateway(deps: GatewayDeps): (req: IncomingMessage, res: ServerResponse) => void {
  const services = { auth: deps.auth, rest: deps.rest };
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    setCors(req, res);
    if (req.method === "OPTIONS" && req.headers["access-control-request-method"]) {
      res.writeHead(200, { "Content-Length": "0" });
      res.end();
      return;
    }
    // Split by hand: WHATWG URL parsing would read "//host…" targets as an authority and throw.
    const raw = req.url ?? "/";
    const mark = raw.indexOf("?");
    const target = routeOf(mark === -1 ? raw : raw.slice(0, mark));
    const query = new URLSearchParams(mark === -1 ? "" : raw.slice(mark + 1));
    if (!target) return sendJson(res, 404, { message: "no Route matched with those values" });
    const route: Route = { ...target, service: services[target.name] };

    const rawHeaderKey = req.headers.apikey;
    const headerKey = Array.isArray(rawHeaderKey) ? rawHeaderKey[0] : rawHeaderKey;
    // The key check takes `?apikey=` too (hosted's key-auth does); the Authorization rewrite does not.
    const apikey = headerKey ?? query.get("apikey") ?? undefined;
    const problem = await apikeyProblem(apikey, route.name === "auth" && OPEN_AUTH_PATHS.has(route.path), deps.jwtKeys);
    if (problem) return sendJson(res, 401, problem);
    // Hosted passes the end user's IP (Sb-Forwarded-For) to Auth only from requests made with a secret key.
    if (apikey !== LOCAL_SECRET_KEY) delete req.headers["sb-forwarded-for"];

    const declared = Number(req.headers["content-length"] ?? 0);
    if (declared > GATEWAY_MAX_BODY_BYTES) return refuseBody(req, res);

    // Kong hides the credential from the upstream; a REST filter named "apikey" would otherwise appear.
    query.delete("apikey");
    const ctx: ServiceContext = {
      path: route.path,
      query,
      authorization: forwardedAuthorization(headerKey, req.headers.authorization),
      ip: clientIp(req),
    };
    await route.service.handle(req, res, ctx);
  };

  return (req, res) => {
    deps.accessLog?.(req, res);
    handle(req, res).catch((error: unknown) => {
      deps.log(
        `[gateway] ${req.method} ${req.url}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
      if (!res.headersSent) {
        sendJson(res, 500, { message: "An unexpected error occurred" });
      } else {
        res.destroy();
      }
    });
  };
}
