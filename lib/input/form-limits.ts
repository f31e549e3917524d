/**
 * Rules every form submission meets before any schema sees it (the action wrapper applies them):
 * - size: at most ACTION_BODY_LIMIT_BYTES of text. Next.js reads bodies up to
 *   ACTION_TRANSPORT_LIMIT_BYTES (`bodySizeLimit` in next.config.ts), so anything between the two
 *   reaches the wrapper and gets a form message instead of Next's bare 500; larger declared bodies
 *   get a 413 from the middleware.
 * - NUL: Postgres cannot store U+0000 in text or jsonb, so a value holding one is the input's fault
 *   and gets a field error, not a failed write.
 */
import type { FieldErrors } from "@/lib/actions/form-state";

export const ACTION_BODY_LIMIT_BYTES = 1024 * 1024;
/** Keep equal to `experimental.serverActions.bodySizeLimit` in next.config.ts. */
export const ACTION_TRANSPORT_LIMIT_BYTES = 10 * 1024 * 1024;

export const NOT_A_FORM_MESSAGE = "This form could not be read. Please reload the page and try again.";
export const TOO_LARGE_MESSAGE =
  "Your answers are too large to send (the limit is 1 MB). Please shorten the longest ones.";
export const NUL_MESSAGE = "This answer contains a null character (often pasted by accident). Remove it and try again.";

const encoder = new TextEncoder();

/** The submitted text's size in bytes (names and values, UTF-8), as the body carries it. */
export function formDataBytes(formData: FormData): number {
  let bytes = 0;
  for (const [key, value] of formData.entries()) {
    bytes += encoder.encode(key).length + (typeof value === "string" ? encoder.encode(value).length : value.size);
  }
  return bytes;
}

/** A field error for each top-level value (or list item) that holds U+0000; null when there are none. */
export function nulFieldErrors(input: Record<string, unknown>): FieldErrors | null {
  const errors: FieldErrors = {};
  for (const [key, value] of Object.entries(input)) {
    const items = Array.isArray(value) ? value : [value];
    if (items.some((item) => typeof item === "string" && item.includes("\u0000"))) errors[key] = NUL_MESSAGE;
  }
  return Object.keys(errors).length > 0 ? errors : null;
}
