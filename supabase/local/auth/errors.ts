/**
 * GoTrue's error model and its two wire dialects. Endpoints throw `AuthError`;
 * `errorResponse` turns any thrown value into the status, headers and body GoTrue would send for the
 * request's `X-Supabase-Api-Version`. Unknown errors become an opaque 500 (details go to the log only).
 */
import { randomUUID } from "node:crypto";

export type AuthErrorKind = "http" | "weak_password" | "oauth";

export class AuthError extends Error {
  readonly status: number;
  readonly code: string;
  readonly kind: AuthErrorKind;
  readonly reasons: string[];
  /** The underlying failure (e.g. a Postgres error), logged but never sent. */
  readonly internal: unknown;

  constructor(
    status: number,
    code: string,
    message: string,
    opts: { kind?: AuthErrorKind; reasons?: string[]; internal?: unknown } = {},
  ) {
    super(message);
    this.name = "AuthError";
    this.status = status;
    this.code = code;
    this.kind = opts.kind ?? "http";
    this.reasons = opts.reasons ?? [];
    this.internal = opts.internal;
  }
}

export const badRequest = (code: string, message: string, internal?: unknown) =>
  new AuthError(400, code, message, { internal });
export const validationFailed = (message: string) => new AuthError(400, "validation_failed", message);
export const forbidden = (code: string, message: string) => new AuthError(403, code, message);
export const notFound = (code: string, message: string) => new AuthError(404, code, message);
export const unprocessable = (code: string, message: string) => new AuthError(422, code, message);
export const internalError = (message: string, internal?: unknown) =>
  new AuthError(500, "unexpected_failure", message, { internal });
export const weakPassword = (message: string, reasons: string[]) =>
  new AuthError(422, "weak_password", message, { kind: "weak_password", reasons });
/** OAuth-style error (`{"error","error_description"}`), always 400. */
export const oauthError = (error: string, description: string) =>
  new AuthError(400, error, description, { kind: "oauth" });

export interface ErrorResponse {
  status: number;
  headers: Record<string, string>;
  body: Record<string, unknown>;
}

/** True when the request asked for the 2024-01-01 API (any valid date on or after it). */
export function wantsApi20240101(versionHeader: string | undefined): boolean {
  if (!versionHeader || !/^\d{4}-\d{2}-\d{2}$/.test(versionHeader)) return false;
  const parsed = Date.parse(`${versionHeader}T00:00:00Z`);
  return Number.isFinite(parsed) && parsed >= Date.parse("2024-01-01T00:00:00Z");
}

/** Postgres errors GoTrue shows verbatim in the legacy dialect (utilities/postgres.go). */
function publicPostgresError(
  internal: unknown,
): { code: string; message: string; hint?: string; detail?: string; status: number } | null {
  if (typeof internal !== "object" || internal === null) return null;
  const pg = internal as { code?: unknown; message?: unknown; hint?: unknown; detail?: unknown };
  if (typeof pg.code !== "string" || pg.code.length !== 5 || typeof pg.message !== "string") return null;
  const always500 = ["P0001", "23000", "23001", "23502", "23503", "23505", "23514", "23P01"];
  let status = always500.includes(pg.code) ? 500 : 0;
  if (pg.code.startsWith("PT")) status = Number.parseInt(pg.code.slice(2), 10) || 0;
  if (status === 0) return null;
  return {
    code: pg.code,
    message: pg.message,
    ...(typeof pg.hint === "string" && pg.hint ? { hint: pg.hint } : {}),
    ...(typeof pg.detail === "string" && pg.detail ? { detail: pg.detail } : {}),
    status,
  };
}

/** Maps a thrown value to GoTrue's answer. Pure apart from generating an error id for 5xx. */
export function errorResponse(error: unknown, apiVersionHeader: string | undefined): ErrorResponse {
  const modern = wantsApi20240101(apiVersionHeader);
  const headers: Record<string, string> = modern ? { "X-Supabase-Api-Version": "2024-01-01" } : {};
  const err =
    error instanceof AuthError
      ? error
      : new AuthError(500, "unexpected_failure", "Unexpected failure, please check server logs for more information", {
          internal: error,
        });

  if (err.kind === "oauth") {
    return { status: 400, headers, body: { error: err.code, error_description: err.message } };
  }
  if (err.kind === "weak_password") {
    const weak = { reasons: err.reasons };
    if (modern) return { status: 422, headers, body: { code: err.code, message: err.message, weak_password: weak } };
    headers["x-sb-error-code"] = err.code;
    return { status: 422, headers, body: { code: 422, error_code: err.code, msg: err.message, weak_password: weak } };
  }
  headers["x-sb-error-code"] = err.code;
  if (modern) return { status: err.status, headers, body: { code: err.code, message: err.message } };
  const pg = publicPostgresError(err.internal);
  if (pg) {
    const { status, ...body } = pg;
    return { status, headers, body };
  }
  const body: Record<string, unknown> = { code: err.status, error_code: err.code, msg: err.message };
  if (err.status >= 500) body.error_id = randomUUID();
  return { status: err.status, headers, body };
}
