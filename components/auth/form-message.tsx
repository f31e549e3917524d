import { Alert } from "@/components/ui/alert";
import type { FormState } from "@/lib/actions/form-state";

/** The form-level sentence from a server action: an error alert, or a success notice. */
export function FormMessage({ state }: { state: FormState }) {
  if (!state.message) return null;
  return <Alert tone={state.ok ? "success" : "error"}>{state.message}</Alert>;
}
