"use client";
import { SubmitButton } from "@/components/ui/submit-button";
import { requestPasswordReset } from "@/lib/actions/auth/request-password-reset";
import { useActionForm } from "@/lib/actions/use-action-form";
import { emailOnlySchema } from "@/lib/auth/schemas";
import { EmailField } from "./email-field";
import { FormMessage } from "./form-message";

export function ForgotPasswordForm() {
  const { field, state, pending, formProps, errorFor } = useActionForm(emailOnlySchema, requestPasswordReset, {
    email: "",
  });
  return (
    <form {...formProps} className="space-y-5">
      <FormMessage state={state} />
      <EmailField registration={field("email")} error={errorFor("email")} />
      <SubmitButton pending={pending} className="w-full">
        Send reset link
      </SubmitButton>
    </form>
  );
}
