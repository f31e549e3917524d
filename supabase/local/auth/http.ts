/**
 * Request bodies and responses the way GoTrue reads and writes them: JSON bodies capped at 1 MB
 * (`413 request_entity_too_large`), unparsable JSON or wrongly typed fields give `400 bad_json`
 * (GoTrue's json.Unmarshal failure), and every success is JSON.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { AuthError, badRequest } from "./errors.ts";

export const MAX_BODY_BYTES = 1 << 20;

export type JsonBody = Record<string, unknown>;

/** Reads the whole body; null when the limit is exceeded (the rest is drained, not buffered). */
async function readRaw(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  let tooLarge = false;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) tooLarge = true;
    if (!tooLarge) chunks.push(chunk);
  }
  return tooLarge ? null : Buffer.concat(chunks);
}

/** GoTrue's retrieveRequestParams: body → JSON object (null / empty object allowed, arrays not). */
export async function readJsonBody(req: IncomingMessage): Promise<JsonBody> {
  const raw = await readRaw(req, MAX_BODY_BYTES);
  if (raw === null) {
    throw new AuthError(413, "request_entity_too_large", `Request body too large (max ${MAX_BODY_BYTES} bytes)`);
  }
  return parseJsonObject(raw.toString("utf8"));
}

export function parseJsonObject(text: string): JsonBody {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    const detail = text.trim() === "" ? "unexpected end of JSON input" : "invalid character in JSON input";
    throw badRequest("bad_json", `Could not parse request body as JSON: ${detail}`);
  }
  if (value === null) return {};
  if (typeof value !== "object" || Array.isArray(value)) {
    const kind = Array.isArray(value) ? "array" : typeof value === "string" ? "string" : typeof value;
    throw badRequest(
      "bad_json",
      `Could not parse request body as JSON: json: cannot unmarshal ${kind} into Go value of type object`,
    );
  }
  return value as JsonBody;
}

function jsonTypeName(value: unknown): string {
  if (Array.isArray(value)) return "array";
  if (value === null) return "null";
  return typeof value === "object" ? "object" : typeof value;
}

function typeError(field: string, value: unknown, expected: string): AuthError {
  return badRequest(
    "bad_json",
    `Could not parse request body as JSON: json: cannot unmarshal ${jsonTypeName(value)} into Go struct field .${field} of type ${expected}`,
  );
}

/** A string field; absent or null → "" (Go's zero value). */
export function str(body: JsonBody, field: string): string {
  const value = body[field];
  if (value === undefined || value === null) return "";
  if (typeof value !== "string") throw typeError(field, value, "string");
  return value;
}

export function bool(body: JsonBody, field: string): boolean {
  const value = body[field];
  if (value === undefined || value === null) return false;
  if (typeof value !== "boolean") throw typeError(field, value, "bool");
  return value;
}

/** A JSON object field (map[string]interface{}); absent or null → null. */
export function obj(body: JsonBody, field: string): JsonBody | null {
  const value = body[field];
  if (value === undefined || value === null) return null;
  if (typeof value !== "object" || Array.isArray(value)) throw typeError(field, value, "map[string]interface {}");
  return value as JsonBody;
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(text), ...headers });
  res.end(text);
}

export function sendEmpty(res: ServerResponse, status: number): void {
  res.writeHead(status);
  res.end();
}

export function redirect(res: ServerResponse, location: string): void {
  res.writeHead(303, { Location: location, "Content-Length": 0 });
  res.end();
}
