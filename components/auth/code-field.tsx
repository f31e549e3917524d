import type { UseFormRegisterReturn } from "react-hook-form";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";

/** The 6-digit code of an authenticator app: numeric keyboard, one-time-code autofill. */
export function CodeField({
  registration,
  error,
  label = "6-digit code",
}: {
  registration: UseFormRegisterReturn & { defaultValue?: string };
  error?: string;
  label?: string;
}) {
  return (
    <Field label={label} error={error}>
      {(control) => (
        <Input
          {...control}
          {...registration}
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="[0-9 ]*"
          maxLength={8}
          required
          className="tracking-widest"
        />
      )}
    </Field>
  );
}
