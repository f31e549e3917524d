/**
 * The REST service's error vocabulary. Every stage throws its own subclass of ApiError so a failure
 * says where it came from, and each carries PostgREST's code, HTTP status and body fields
 * (`Error.hs` / reference §D.4). `fromPgError` is the SQLSTATE → HTTP mapping (`mapSQLtoHTTP`).
 */
export interface ErrorBody {
  code: string;
  details: unknown;
  hint: string | null;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: unknown = null,
    readonly hint: string | null = null,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }

  body(): ErrorBody {
    return { code: this.code, details: this.details, hint: this.hint, message: this.message };
  }
}

/** Query string, headers or body could not be understood (parse stage). */
export class ParseError extends ApiError {}
/** The request names something the schema cache does not have, or combines things wrongly (plan stage). */
export class PlanError extends ApiError {}
/** JWT problems (auth stage). */
export class AuthError extends ApiError {}
/** Postgres refused the statement (execute stage). */
export class DbError extends ApiError {}

/** PostgREST's parse-failure shape: the quoted input in the message, the parser's complaint in details. */
export function parseFailure(what: string, input: string, column: number, details: string): ParseError {
  return new ParseError(400, "PGRST100", `"failed to parse ${what} (${input})" (line 1, column ${column})`, details);
}

export interface PgErrorLike {
  code?: string;
  message: string;
  detail?: string;
  hint?: string;
}

export function isPgError(error: unknown): error is PgErrorLike & Error {
  return error instanceof Error && typeof (error as PgErrorLike).code === "string";
}

/** SQLSTATE → HTTP status, as PostgREST's `mapSQLtoHTTP`. `anon` decides 401 vs 403 for 42501. */
export function statusForSqlState(code: string, message: string, anon: boolean): number {
  if (code === "42501") return anon ? 401 : 403;
  if (code === "23505" || code === "23503") return 409;
  if (code === "21000") return message.endsWith("requires a WHERE clause") ? 400 : 500;
  if (code === "22023" && /^role .* does not exist$/.test(message)) return 401;
  if (code === "42P01" || code === "42883") return 404;
  if (code === "25006") return 405;
  if (code === "P0001") return 400;
  if (/^PT\d{3}$/.test(code)) return Number(code.slice(2));
  if (code === "42P17" || code === "57014") return 500;
  const cls = code.slice(0, 2);
  if (cls === "08" || cls === "53") return 503;
  if (["40", "55", "XX", "P0", "57", "58", "F0", "HV"].includes(cls)) return 500;
  if (["23", "22", "42", "2F", "39", "3B", "0L", "0P", "28", "2B", "2D", "38", "44"].includes(cls)) return 400;
  return 500;
}

export function fromPgError(error: PgErrorLike & { code: string }, anon: boolean): DbError {
  const status = statusForSqlState(error.code, error.message, anon);
  return new DbError(status, error.code, error.message, error.detail ?? null, error.hint ?? null);
}
