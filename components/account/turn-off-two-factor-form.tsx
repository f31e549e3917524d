"use client";
import { CodeField } from "@/components/auth/code-field";
import { FormMessage } from "@/components/auth/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { turnOffTwoFactor } from "@/lib/actions/auth/turn-off-two-factor";
import { useActionForm } from "@/lib/actions/use-action-form";
import { turnOffFactorSchema } from "@/lib/auth/two-factor-schemas";

/** Turning two-factor off takes a fresh code from the app, so a borrowed session cannot do it alone. */
export function TurnOffTwoFactorForm({ factorId }: { factorId: string }) {
  const { field, state, pending, formProps, errorFor } = useActionForm(turnOffFactorSchema, turnOffTwoFactor, {
    factorId,
    code: "",
  });
  return (
    <form {...formProps} aria-label="Turn off two-factor sign-in" className="space-y-4">
      <FormMessage state={state} />
      <input type="hidden" {...field("factorId")} />
      <CodeField label="Current 6-digit code" registration={field("code")} error={errorFor("code")} />
      <SubmitButton pending={pending} variant="secondary">
        Turn off two-factor sign-in
      </SubmitButton>
    </form>
  );
}
