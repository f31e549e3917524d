/**
 * The one result shape of the app: every server action and every profile write returns it, and
 * forms render it (`useActionState`). Safe to import from client components.
 *
 * - `ok: true`: the work is done; `message` may be shown as a success notice.
 * - `ok: false`: `kind` says why — `invalid` (the input: `fieldErrors` say what to fix), `refused`
 *   (not allowed in this state), `signed_out`, `not_found`, `unavailable` (our side: `referenceId`
 *   is logged with the cause) or `idle` (nothing submitted yet: a form's initial state).
 * - `values`: the submitted values echoed back so a form re-fills itself (never secrets).
 */
export type FormValue = string | string[];
export type FormValues = Record<string, FormValue>;
export type FieldErrors = Record<string, string>;

export type FailureKind = "invalid" | "refused" | "signed_out" | "not_found" | "unavailable" | "idle";

export interface Success<T = undefined> {
  ok: true;
  message?: string;
  data?: T;
  values?: FormValues;
  fieldErrors?: undefined;
}

export interface Failure {
  ok: false;
  kind: FailureKind;
  message?: string;
  fieldErrors?: FieldErrors;
  values?: FormValues;
  referenceId?: string;
  /** The cause, only in testing mode (TESTING_MODE=true): never shown to people in production. */
  details?: string;
}

export type Result<T = undefined> = Success<T> | Failure;

export const CHECK_FIELDS_MESSAGE = "Please check the highlighted fields.";

export const idle: Failure = { ok: false, kind: "idle" };

/** A done form submit: an optional notice, optionally the values to show again. */
export function success(message?: string, values?: FormValues): Success {
  return { ok: true, ...(message ? { message } : {}), ...(values ? { values } : {}) };
}

/** Done, with what the work produced. */
export function ok<T>(data: T, message?: string): Success<T> {
  return { ok: true, data, ...(message ? { message } : {}) };
}

/** A failure; with field errors it is `invalid`, otherwise `refused` unless a kind is given. */
export function failure(message?: string, fieldErrors?: FieldErrors, values?: FormValues, kind?: FailureKind): Failure {
  const hasFieldErrors = fieldErrors !== undefined && Object.keys(fieldErrors).length > 0;
  return {
    ok: false,
    kind: kind ?? (hasFieldErrors ? "invalid" : "refused"),
    ...(message ? { message } : {}),
    ...(hasFieldErrors ? { fieldErrors } : {}),
    ...(values ? { values } : {}),
  };
}

/** The part of a zod issue the flattener reads (zod classic and zod/mini issues both fit). */
interface Issue {
  code: string;
  path: readonly PropertyKey[];
  message: string;
  keys?: readonly string[];
}

/**
 * Validation issues → the first message per top-level field. Object-level issues (no path) become
 * `formError`; an unknown key is reported on that key.
 */
export function flattenIssues(issues: readonly Issue[]): { fieldErrors: FieldErrors; formError?: string } {
  const fieldErrors: FieldErrors = {};
  let formError: string | undefined;
  for (const issue of issues) {
    if (issue.code === "unrecognized_keys" && issue.keys) {
      for (const key of issue.keys) fieldErrors[key] ??= "This field cannot be changed";
    } else if (issue.path.length === 0) {
      formError ??= issue.message;
    } else {
      fieldErrors[String(issue.path[0])] ??= issue.message;
    }
  }
  return formError === undefined ? { fieldErrors } : { fieldErrors, formError };
}
