/**
 * The seed's ProfileCreationResult, in TypeScript, and the one place failures are shaped: every
 * failure gets a reference id that is logged with the real cause; `errorDetails` carries the cause
 * only in testing mode (TESTING_MODE=true), otherwise just the reference.
 */
import { isTestingMode } from "@/lib/env";
import type { Logger } from "@/lib/logger";
import { newReferenceId } from "@/lib/reference";

export interface ProfileResult {
  success: boolean;
  message: string;
  userId: string;
  profileId?: string;
  errorDetails?: string;
  /** Present on failures caused by the server: the id logged next to the cause. */
  referenceId?: string;
  /** Present on validation failures: messages keyed like the schema (column names). */
  fieldErrors?: Record<string, string>;
}

/** What a Supabase/PostgREST error looks like, without depending on its class. */
export interface BackendError {
  code?: string;
  message: string;
  details?: string | null;
  hint?: string | null;
}

export function ok(userId: string, message: string, profileId?: string): ProfileResult {
  return { success: true, message, userId, ...(profileId ? { profileId } : {}) };
}

/** A failure caused by the backend: logged at ERROR with a reference id, internals hidden. */
export function backendFailure(
  log: Logger,
  userId: string,
  message: string,
  error: BackendError | Error,
  context: Record<string, unknown> = {},
): ProfileResult {
  const referenceId = newReferenceId();
  const code = "code" in error ? error.code : undefined;
  log.error(message, { userId, referenceId, code, cause: error.message, ...context });
  return {
    success: false,
    message,
    userId,
    referenceId,
    errorDetails: isTestingMode()
      ? `${code ? `${code}: ` : ""}${error.message} (reference ${referenceId})`
      : `Reference ${referenceId}`,
  };
}

/** A failure caused by the input: no reference needed, the messages say what to fix. */
export function invalid(
  log: Logger,
  userId: string,
  fieldErrors: Record<string, string>,
  message = "Some answers need a fix.",
): ProfileResult {
  log.error("Profile update rejected by validation", { userId, fields: Object.keys(fieldErrors) });
  return {
    success: false,
    message,
    userId,
    fieldErrors,
    errorDetails: isTestingMode() ? JSON.stringify(fieldErrors) : undefined,
  };
}
