/**
 * The stack's access log (what Kong's would say): one JSON line per request the gateway answered —
 * time, method, path (never the query, which may carry tokens), status, and whose request it was.
 * Off unless SUPABASE_ACCESS_LOG names a file; tests and the bench read it to count the requests an
 * app makes to the stack (per page render, per save).
 */
import { appendFileSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";

export interface AccessEntry {
  at: string;
  method: string;
  path: string;
  status: number;
  /** The bearer's `session_id` claim, else its `role` claim, else null. A label: not verified here. */
  who: string | null;
}

/** Reads a claim from a JWT without verifying it (the services verify; this only labels a line). */
export function bearerLabel(authorization: string | undefined): string | null {
  const token = authorization?.replace(/^bearer /i, "") ?? "";
  const payload = token.split(".")[1];
  if (!payload) return null;
  try {
    const claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as Record<string, unknown>;
    for (const claim of ["session_id", "role"]) if (typeof claims[claim] === "string") return claims[claim];
  } catch {
    return null;
  }
  return null;
}

export type AccessLog = (req: IncomingMessage, res: ServerResponse) => void;

/** Appends synchronously, so a line is in the file by the time its response has been sent. */
export function fileAccessLog(file: string): AccessLog {
  return (req, res) => {
    res.once("finish", () => {
      const raw = req.url ?? "/";
      const entry: AccessEntry = {
        at: new Date().toISOString(),
        method: req.method ?? "GET",
        path: raw.split("?")[0] ?? raw,
        status: res.statusCode,
        who: bearerLabel(req.headers.authorization),
      };
      appendFileSync(file, `${JSON.stringify(entry)}\n`);
    });
  };
}

/** The log named by the environment, or null. */
export function accessLogFromEnv(env: NodeJS.ProcessEnv = process.env): AccessLog | null {
  return env.SUPABASE_ACCESS_LOG ? fileAccessLog(env.SUPABASE_ACCESS_LOG) : null;
}
