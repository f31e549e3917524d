"use client";
import Link from "next/link";
import { Field } from "@/components/ui/field";
import { PasswordInput } from "@/components/ui/password-input";
import { SubmitButton } from "@/components/ui/submit-button";
import { signIn } from "@/lib/actions/auth/sign-in";
import { useActionForm } from "@/lib/actions/use-action-form";
import { signInSchema } from "@/lib/auth/schemas";
import { textLinkClass } from "./auth-card";
import { EmailField } from "./email-field";
import { FormMessage } from "./form-message";

/** `next` is already sanitised by the page; the action sanitises it again. */
export function SignInForm({ next }: { next?: string }) {
  const { field, state, pending, formProps, errorFor } = useActionForm(signInSchema, signIn, {
    email: "",
    password: "",
    next,
  });
  return (
    <form {...formProps} className="space-y-5">
      <FormMessage state={state} />
      {next && <input type="hidden" {...field("next")} />}
      <EmailField registration={field("email")} error={errorFor("email")} />
      <div className="space-y-2">
        <Field label="Password" error={errorFor("password")}>
          {(control) => <PasswordInput {...control} {...field("password")} autoComplete="current-password" required />}
        </Field>
        <p className="text-right text-sm">
          <Link href="/forgot-password" className={textLinkClass}>
            Forgot your password?
          </Link>
        </p>
      </div>
      <SubmitButton pending={pending} className="w-full">
        Sign in
      </SubmitButton>
    </form>
  );
}
