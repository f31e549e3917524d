/**
 * How the profile domain shapes its failures (the result type itself is lib/result.ts): a backend
 * failure gets a reference id that is logged with the real cause, and the person sees only the
 * reference (the cause too in testing mode, TESTING_MODE=true).
 */
import { isTestingMode } from "@/lib/env";
import type { Logger } from "@/lib/logger";
import { newReferenceId } from "@/lib/reference";
import { CHECK_FIELDS_MESSAGE, type Failure, type FieldErrors } from "@/lib/result";

/** What a Supabase/PostgREST error looks like, without depending on its class. */
export interface BackendError {
  code?: string;
  message: string;
  details?: string | null;
  hint?: string | null;
}

/** A failure caused by the backend: logged at ERROR with a reference id, internals hidden. */
export function backendFailure(
  log: Logger,
  userId: string,
  what: string,
  error: BackendError | Error,
  context: Record<string, unknown> = {},
): Failure {
  const referenceId = newReferenceId();
  const code = "code" in error ? error.code : undefined;
  log.error(what, { userId, referenceId, code, cause: error.message, ...context });
  return {
    ok: false,
    kind: "unavailable",
    message: `${what}. Please try again. (Reference ${referenceId})`,
    referenceId,
    ...(isTestingMode() ? { details: `${code ? `${code}: ` : ""}${error.message}` } : {}),
  };
}

/** A failure caused by the input: no reference needed, the messages say what to fix. */
export function invalid(
  log: Logger,
  userId: string,
  fieldErrors: FieldErrors,
  message = CHECK_FIELDS_MESSAGE,
): Failure {
  log.warn("Profile update rejected by validation", { userId, fields: Object.keys(fieldErrors) });
  return { ok: false, kind: "invalid", message, fieldErrors };
}

export function notFound(log: Logger, userId: string, details: string): Failure {
  log.error("Profile not found", { userId, details });
  return { ok: false, kind: "not_found", message: "We could not find your profile. Please sign out and in again." };
}
