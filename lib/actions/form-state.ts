/**
 * Form plumbing shared by every server action: FormData → plain object for validation, and the
 * submitted values echoed back without secrets. The result shape itself lives in `lib/result.ts`.
 * Safe to import from client components: no server code here.
 */
import { idle, type FormValue, type FormValues, type Result } from "@/lib/result";

export { CHECK_FIELDS_MESSAGE, failure, flattenIssues, ok, success } from "@/lib/result";
export type { FieldErrors, FormValue, FormValues } from "@/lib/result";

/** What a form's action returns and renders. */
export type FormState = Result;

export const initialFormState: FormState = idle;

/** Field names that must never travel back to the browser in `values`. */
const SECRET_FIELD = /password|secret|token|verifier|^code$/i;

/**
 * FormData → plain object for zod. A key that appears more than once, or ends in `[]`, becomes an array
 * (checkbox groups, tag lists). Files and Next.js' internal `$ACTION_*` fields are skipped.
 */
export function formDataToObject(formData: FormData): Record<string, FormValue> {
  const out: Record<string, FormValue> = {};
  for (const [rawKey, value] of formData.entries()) {
    if (typeof value !== "string" || rawKey.startsWith("$ACTION")) continue;
    const isList = rawKey.endsWith("[]");
    const key = isList ? rawKey.slice(0, -2) : rawKey;
    const existing = out[key];
    if (existing === undefined) out[key] = isList ? [value] : value;
    else out[key] = Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return out;
}

/** The submitted values minus anything secret, for re-filling the form after a failure. */
export function echoValues(input: Record<string, unknown>): FormValues {
  const out: FormValues = {};
  for (const [key, value] of Object.entries(input)) {
    if (SECRET_FIELD.test(key)) continue;
    if (typeof value === "string") out[key] = value;
    else if (Array.isArray(value) && value.every((item) => typeof item === "string")) out[key] = value;
  }
  return out;
}
