"use client";
import { FormMessage } from "@/components/auth/form-message";
import { Field } from "@/components/ui/field";
import { PasswordInput } from "@/components/ui/password-input";
import { SubmitButton } from "@/components/ui/submit-button";
import { changePasswordSchema } from "@/lib/account/schemas";
import { changePassword } from "@/lib/actions/change-password";
import { useActionForm } from "@/lib/actions/use-action-form";
import { PASSWORD_HINT } from "@/lib/auth/password-policy";
import { useEffect } from "react";
import { UsernameField } from "./username-field";

export function ChangePasswordForm({ email }: { email: string | null }) {
  const { form, state, pending, formProps, errorFor } = useActionForm(changePasswordSchema, changePassword, {
    currentPassword: "",
    password: "",
    confirmPassword: "",
  });
  // After a successful change the old values must not linger in the fields.
  useEffect(() => {
    if (state.ok) form.reset();
  }, [state, form]);
  return (
    <form {...formProps} aria-label="Change password" className="space-y-4">
      <FormMessage state={state} />
      <UsernameField email={email} />
      <Field label="Current password" error={errorFor("currentPassword")}>
        {(control) => (
          <PasswordInput {...control} {...form.register("currentPassword")} autoComplete="current-password" required />
        )}
      </Field>
      <Field label="New password" hint={PASSWORD_HINT} error={errorFor("password")}>
        {(control) => (
          <PasswordInput {...control} {...form.register("password")} autoComplete="new-password" required />
        )}
      </Field>
      <Field label="Confirm new password" error={errorFor("confirmPassword")}>
        {(control) => (
          <PasswordInput {...control} {...form.register("confirmPassword")} autoComplete="new-password" required />
        )}
      </Field>
      <SubmitButton pending={pending} variant="secondary">
        Change password
      </SubmitButton>
    </form>
  );
}
