"use client";
import { FormMessage } from "@/components/auth/form-message";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { changeNameSchema } from "@/lib/account/schemas";
import { changeName } from "@/lib/actions/change-name";
import { useActionForm } from "@/lib/actions/use-action-form";

export function ChangeNameForm({ fullName }: { fullName: string | null }) {
  const { field, state, pending, formProps, errorFor } = useActionForm(changeNameSchema, changeName, {
    fullName: fullName ?? "",
  });
  return (
    <form {...formProps} aria-label="Change name" className="space-y-4">
      <FormMessage state={state} />
      <Field label="Full name" error={errorFor("fullName")}>
        {(control) => <Input {...control} {...field("fullName")} autoComplete="name" required />}
      </Field>
      <SubmitButton pending={pending} variant="secondary">
        Save name
      </SubmitButton>
    </form>
  );
}
