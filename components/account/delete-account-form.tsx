"use client";
import { FormMessage } from "@/components/auth/form-message";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { PasswordInput } from "@/components/ui/password-input";
import { SubmitButton } from "@/components/ui/submit-button";
import { DELETE_CONFIRMATION_WORD, deleteAccountSchema } from "@/lib/account/schemas";
import { deleteAccount } from "@/lib/actions/delete-account";
import { useActionForm } from "@/lib/actions/use-action-form";
import { UsernameField } from "./username-field";

export function DeleteAccountForm({ email }: { email: string | null }) {
  const { form, state, pending, formProps, errorFor } = useActionForm(deleteAccountSchema, deleteAccount, {
    password: "",
    confirmation: "",
  });
  return (
    <form {...formProps} aria-label="Delete account" className="space-y-4">
      <FormMessage state={state} />
      <UsernameField email={email} />
      <Field label="Your password" error={errorFor("password")}>
        {(control) => (
          <PasswordInput {...control} {...form.register("password")} autoComplete="current-password" required />
        )}
      </Field>
      <Field
        label={`Type ${DELETE_CONFIRMATION_WORD} to confirm`}
        hint="This cannot be undone."
        error={errorFor("confirmation")}
      >
        {(control) => (
          <Input
            {...control}
            {...form.register("confirmation")}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            required
          />
        )}
      </Field>
      <SubmitButton pending={pending} variant="danger">
        Delete my account
      </SubmitButton>
    </form>
  );
}
