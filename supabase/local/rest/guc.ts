/**
 * What the statement asked of the answer, as PostgREST reads it after the transaction: the
 * transaction-local `response.headers` (a JSON array of one-key objects, each a header and its string
 * value, added to the answer's and replacing those of the same name) and `response.status` (its
 * status). Anything else is the database developer's mistake: 500 PGRST111 / PGRST112.
 */
import { ApiError } from "./errors";
import type { ExecResult } from "./execute";

export interface Override {
  status?: number;
  headers: Record<string, string>;
}

function headersOf(text: string | null): Record<string, string> {
  if (text === null) return {};
  const invalid = new ApiError(
    500,
    "PGRST111",
    "response.headers guc must be a JSON array composed of objects with a single key and a string value",
  );
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw invalid;
  }
  if (!Array.isArray(parsed)) throw invalid;
  const headers: Record<string, string> = {};
  for (const entry of parsed as unknown[]) {
    const pairs = typeof entry === "object" && entry !== null ? Object.entries(entry) : [];
    const [pair] = pairs;
    // Header names and values must also be ones HTTP can carry (no CR/LF smuggling into the answer).
    if (pairs.length !== 1 || !pair || typeof pair[1] !== "string") throw invalid;
    if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(pair[0]) || /[\r\n\0]/.test(pair[1])) throw invalid;
    headers[pair[0].toLowerCase()] = pair[1];
  }
  return headers;
}

function statusOf(text: string | null): number | undefined {
  if (text === null) return undefined;
  const digits = /^\s*(\d+)/.exec(text)?.[1];
  const status = digits === undefined ? NaN : Number(digits);
  if (!(status >= 100 && status <= 599)) {
    throw new ApiError(500, "PGRST112", "response.status guc must be a valid status code");
  }
  return status;
}

export function responseOverride(result: ExecResult): Override {
  const status = statusOf(result.response?.status ?? null);
  return { ...(status !== undefined && { status }), headers: headersOf(result.response?.headers ?? null) };
}

/** The answer's headers with the statement's added; the statement's win, whatever their case. */
export function withOverride(headers: Record<string, string>, override: Override): Record<string, string> {
  const kept = Object.entries(headers).filter(([name]) => !(name.toLowerCase() in override.headers));
  return { ...Object.fromEntries(kept), ...override.headers };
}
