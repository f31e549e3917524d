/**
 * The inbox HTTP server (the CLI's Inbucket/Mailpit on port 54324): the HTML inbox at `/` and a JSON
 * API on Mailpit's paths — GET /api/v1/messages, GET /api/v1/message/{ID}, GET /api/v1/search?query=,
 * DELETE /api/v1/messages (body {"IDs":[…]} or everything), and POST /api/v1/send (inject a mail, as
 * Mailpit's send API; tools and tests use it).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { listPage, mailPage, notFoundPage } from "./html";
import { message, page } from "./mailpit";
import { matchesSearch, parseSearch } from "./search";
import { parseSendRequest } from "./send";
import type { MailStore } from "./store";

const MAX_BODY = 64 * 1024;

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, {
    "Content-Type": type,
    "Content-Length": Buffer.byteLength(body),
    "Access-Control-Allow-Origin": "*",
  });
  res.end(body);
}
const json = (res: ServerResponse, status: number, body: unknown) =>
  send(res, status, "application/json; charset=utf-8", JSON.stringify(body));
const html = (res: ServerResponse, status: number, body: string) => send(res, status, "text/html; charset=utf-8", body);

async function readBody(req: IncomingMessage): Promise<string | null> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** Percent-decoding that never throws (a malformed escape is just an unknown id). */
function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function intParam(value: string | null, fallback: number, max: number): number {
  const parsed = Number(value);
  return value !== null && Number.isInteger(parsed) && parsed >= 0 ? Math.min(parsed, max) : fallback;
}

/** IDs from a DELETE body; undefined = delete everything; null = bad input. */
function idsToDelete(body: string): string[] | undefined | null {
  if (body.trim() === "") return undefined;
  try {
    const parsed: unknown = JSON.parse(body);
    if (typeof parsed !== "object" || parsed === null) return null;
    const ids = (parsed as { IDs?: unknown }).IDs;
    if (ids === undefined) return undefined;
    if (!Array.isArray(ids) || !ids.every((id) => typeof id === "string")) return null;
    return ids.length === 0 ? undefined : ids;
  } catch {
    return null;
  }
}

async function route(store: MailStore, req: IncomingMessage, res: ServerResponse): Promise<void> {
  // Split by hand: WHATWG URL parsing throws on targets such as "//:".
  const raw = req.url ?? "/";
  const mark = raw.indexOf("?");
  const p = mark === -1 ? raw : raw.slice(0, mark);
  const params = new URLSearchParams(mark === -1 ? "" : raw.slice(mark + 1));
  const method = req.method ?? "GET";
  const start = intParam(params.get("start"), 0, Number.MAX_SAFE_INTEGER);
  const limit = intParam(params.get("limit"), 50, 1000);

  if (method === "GET" && p === "/api/v1/messages")
    return json(res, 200, page(store.list(), store.list(), start, limit));
  if (method === "GET" && p === "/api/v1/search") {
    const query = params.get("query");
    if (query === null || query.trim() === "") return json(res, 400, { Error: "no search query" });
    const all = store.list();
    const terms = parseSearch(query);
    return json(
      res,
      200,
      page(
        all,
        all.filter((mail) => matchesSearch(mail, terms)),
        start,
        limit,
      ),
    );
  }
  const one = /^\/api\/v1\/message\/([^/]+)$/.exec(p);
  if (method === "GET" && one?.[1] !== undefined) {
    const id = safeDecode(one[1]);
    const mail = id === "latest" ? store.list()[0] : store.get(id);
    if (!mail) return send(res, 404, "text/plain; charset=utf-8", "message not found");
    store.markRead(mail.id);
    return json(res, 200, message(mail));
  }
  if (method === "DELETE" && p === "/api/v1/messages") {
    const body = await readBody(req);
    const ids = body === null ? null : idsToDelete(body);
    if (ids === null) return send(res, 400, "text/plain; charset=utf-8", "invalid request body");
    store.delete(ids);
    return send(res, 200, "text/plain; charset=utf-8", "ok");
  }
  if (method === "POST" && p === "/api/v1/send") {
    const body = await readBody(req);
    const mail = body === null ? null : parseSendRequest(body);
    if (mail === null)
      return send(res, 400, "text/plain; charset=utf-8", "invalid send request: need To[0].Email and Subject");
    return json(res, 200, { ID: await store.save(mail) });
  }
  if (method === "GET" && p === "/") return html(res, 200, listPage(store.list()));
  const view = /^\/view\/([^/]+)$/.exec(p);
  if (method === "GET" && view?.[1] !== undefined) {
    const mail = store.get(safeDecode(view[1]));
    if (!mail) return html(res, 404, notFoundPage());
    store.markRead(mail.id);
    return html(res, 200, mailPage(mail));
  }
  if (method === "POST" && p === "/delete-all") {
    store.delete();
    res.writeHead(303, { Location: "/" });
    return void res.end();
  }
  if (p.startsWith("/api/")) return send(res, 404, "text/plain; charset=utf-8", "404 page not found");
  return html(res, 404, notFoundPage());
}

export function createMailServer(store: MailStore, log: (line: string) => void): Server {
  return createServer((req, res) => {
    route(store, req, res).catch((error: unknown) => {
      log(`[inbox] ${req.method} ${req.url}: ${String(error)}`);
      if (!res.headersSent) json(res, 500, { Error: "internal error" });
      else res.destroy();
    });
  });
}
