"use client";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { PasswordInput } from "@/components/ui/password-input";
import { SubmitButton } from "@/components/ui/submit-button";
import { signUp } from "@/lib/actions/auth/sign-up";
import { useActionForm } from "@/lib/actions/use-action-form";
import { PASSWORD_HINT } from "@/lib/auth/password-policy";
import { signUpSchema } from "@/lib/auth/schemas";
import { EmailField } from "./email-field";
import { FormMessage } from "./form-message";

export function SignUpForm() {
  const { field, state, pending, formProps, errorFor } = useActionForm(signUpSchema, signUp, {
    fullName: "",
    email: "",
    password: "",
  });
  return (
    <form {...formProps} className="space-y-5">
      <FormMessage state={state} />
      <Field label="Full name" error={errorFor("fullName")}>
        {(control) => <Input {...control} {...field("fullName")} autoComplete="name" required />}
      </Field>
      <EmailField registration={field("email")} error={errorFor("email")} />
      <Field label="Password" hint={PASSWORD_HINT} error={errorFor("password")}>
        {(control) => <PasswordInput {...control} {...field("password")} autoComplete="new-password" required />}
      </Field>
      <SubmitButton pending={pending} className="w-full">
        Create account
      </SubmitButton>
    </form>
  );
}
