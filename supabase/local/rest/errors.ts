/**
 * The REST service's error vocabulary. Every stage throws its own subclass of ApiError so a failure
 * says where it came from, and each carries PostgREST's code, HTTP status and body fields
 * (`Error.hs`). `fromPgError` is the SQLSTATE → HTTP mapping (`mapSQLtoHTTP`).
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

/** SQLSTATE class (first two characters) → HTTP status, for the classes PostgREST maps as a whole. */
const CLASS_STATUS: Record<string, number> = {
  "08": 503,
  "09": 500,
  "0L": 403,
  "0P": 403,
  "25": 500,
  "28": 403,
  "2D": 500,
  "38": 500,
  "39": 500,
  "3B": 500,
  "40": 500,
  "53": 503,
  "54": 500,
  "55": 500,
  "57": 500,
  "58": 500,
  F0: 500,
  HV: 500,
  P0: 500,
  XX: 500,
};

/**
 * SQLSTATE → HTTP status, as PostgREST's `mapSQLtoHTTP`: exact codes first, then whole classes, and
 * 400 for everything else. `anon` decides 401 vs 403 for 42501.
 */
export function statusForSqlState(code: string, message: string, anon: boolean): number {
  switch (code) {
    case "23503":
    case "23505":
      return 409;
    case "25006":
      return 405;
    case "21000":
      return message.endsWith("requires a WHERE clause") ? 400 : 500;
    case "22023":
      return /^role .* does not exist$/.test(message) ? 401 : 400;
    case "53400":
      return 500;
    case "57P01":
      return 503;
    case "P0001":
      return 400;
    case "42883":
      return message.startsWith("function xmlagg(") ? 406 : 404;
    case "42P01":
      return 404;
    case "42P17":
      return 500;
    case "42501":
      return anon ? 401 : 403;
  }
  if (/^PT\d{3}$/.test(code)) return Number(code.slice(2));
  return CLASS_STATUS[code.slice(0, 2)] ?? 400;
}

export function fromPgError(error: PgErrorLike & { code: string }, anon: boolean): DbError {
  const status = statusForSqlState(error.code, error.message, anon);
  return new DbError(status, error.code, error.message, error.detail ?? null, error.hint ?? null);
}
