"use client";
import { FormMessage } from "@/components/auth/form-message";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { changeEmailSchema } from "@/lib/account/schemas";
import { changeEmail } from "@/lib/actions/change-email";
import { useActionForm } from "@/lib/actions/use-action-form";

export function ChangeEmailForm() {
  const { form, state, pending, formProps, errorFor } = useActionForm(changeEmailSchema, changeEmail, { email: "" });
  return (
    <form {...formProps} aria-label="Change email" className="space-y-4">
      <FormMessage state={state} />
      <Field label="New email" error={errorFor("email")}>
        {(control) => (
          <Input
            {...control}
            {...form.register("email")}
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
      <SubmitButton pending={pending} variant="secondary">
        Send confirmation link
      </SubmitButton>
    </form>
  );
}
