"use client";
import { Field } from "@/components/ui/field";
import { PasswordInput } from "@/components/ui/password-input";
import { SubmitButton } from "@/components/ui/submit-button";
import { updatePassword } from "@/lib/actions/auth/update-password";
import { useActionForm } from "@/lib/actions/use-action-form";
import { PASSWORD_HINT } from "@/lib/auth/password-policy";
import { resetPasswordSchema } from "@/lib/auth/schemas";
import { FormMessage } from "./form-message";

export function ResetPasswordForm() {
  const { field, state, pending, formProps, errorFor } = useActionForm(resetPasswordSchema, updatePassword, {
    password: "",
    confirmPassword: "",
  });
  return (
    <form {...formProps} className="space-y-5">
      <FormMessage state={state} />
      <Field label="Password" hint={PASSWORD_HINT} error={errorFor("password")}>
        {(control) => <PasswordInput {...control} {...field("password")} autoComplete="new-password" required />}
      </Field>
      <Field label="Confirm password" error={errorFor("confirmPassword")}>
        {(control) => <PasswordInput {...control} {...field("confirmPassword")} autoComplete="new-password" required />}
      </Field>
      <SubmitButton pending={pending} className="w-full">
        Update password
      </SubmitButton>
    </form>
  );
}
