"use client";
import type { UseFormRegisterReturn } from "react-hook-form";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";

/** The "Email" field: the right keyboard on phones, no autocorrect, autofill-friendly. */
export function EmailField({
  registration,
  error,
}: {
  registration: UseFormRegisterReturn & { defaultValue?: string };
  error?: string;
}) {
  return (
    <Field label="Email" error={error}>
      {(control) => (
        <Input
          {...control}
          {...registration}
          type="email"
          inputMode="email"
          autoComplete="email"
          autoCapitalize="none"
          autoCorrect="off"
          spellCheck={false}
          required
        />
      )}
    </Field>
  );
}
