/**
 * ProfileResult (lib/profiles) → FormState (what forms render). Field errors go next to their
 * fields; a server failure becomes one sentence with the logged reference id.
 */
import type { ProfileResult } from "@/lib/profiles/result";
import { CHECK_FIELDS_MESSAGE } from "./safe-action";
import { failure, type FormState } from "./form-state";

export function profileFailure(result: ProfileResult, values: FormState["values"]): FormState {
  if (result.fieldErrors && Object.keys(result.fieldErrors).length > 0) {
    return failure(CHECK_FIELDS_MESSAGE, result.fieldErrors, values);
  }
  if (result.referenceId) {
    return failure(
      `We could not save your answers. Please try again. (Reference ${result.referenceId})`,
      undefined,
      values,
    );
  }
  return failure(`${result.message}. Please try again.`, undefined, values);
}
