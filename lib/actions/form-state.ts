/**
 * The shape every server action returns to its form (`useActionState`), and small pure helpers to build
 * it. Safe to import from client components: no server code here.
 *
 * - `ok`: the action did its work (forms may show `message` as a success notice).
 * - `message`: one form-level sentence for people (never a raw database/auth error).
 * - `fieldErrors`: first message per field, keyed like the zod schema (`skills`, `salary_min`, …).
 * - `values`: the submitted values echoed back so the form can re-fill itself (secrets are never echoed).
 */
import type { z } from "zod";

export type FormValue = string | string[];
export type FormValues = Record<string, FormValue>;
export type FieldErrors = Record<string, string>;

export interface FormState {
  ok: boolean;
  message?: string;
  fieldErrors?: FieldErrors;
  values?: FormValues;
}

export const initialFormState: FormState = { ok: false };

/** Field names that must never travel back to the browser in `values`. */
const SECRET_FIELD = /password|secret|token|verifier|^code$/i;

export function success(message?: string, values?: FormValues): FormState {
  return { ok: true, ...(message ? { message } : {}), ...(values ? { values } : {}) };
}

export function failure(message?: string, fieldErrors?: FieldErrors, values?: FormValues): FormState {
  return {
    ok: false,
    ...(message ? { message } : {}),
    ...(fieldErrors && Object.keys(fieldErrors).length > 0 ? { fieldErrors } : {}),
    ...(values ? { values } : {}),
  };
}

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

/** zod issues → first message per top-level field (`""` key for form-level issues goes to `message`). */
export function fieldErrorsFromZod(error: z.ZodError): { fieldErrors: FieldErrors; formError?: string } {
  const fieldErrors: FieldErrors = {};
  let formError: string | undefined;
  for (const issue of error.issues) {
    const key = issue.path.length > 0 ? String(issue.path[0]) : "";
    if (key === "") formError ??= issue.message;
    else fieldErrors[key] ??= issue.message;
  }
  return formError === undefined ? { fieldErrors } : { fieldErrors, formError };
}
