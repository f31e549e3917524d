"use client";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { verifySignInCode } from "@/lib/actions/auth/verify-sign-in-code";
import { useActionForm } from "@/lib/actions/use-action-form";
import { signInCodeSchema } from "@/lib/auth/schemas";
import { FormMessage } from "./form-message";

/** Typing the code from the sign-in mail: digits only, offered by the phone's one-time-code autofill. */
export function SignInCodeForm({ next }: { next?: string }) {
  const { field, state, pending, formProps, errorFor } = useActionForm(signInCodeSchema, verifySignInCode, {
    code: "",
    next,
  });
  return (
    <form {...formProps} className="space-y-5">
      <FormMessage state={state} />
      {next && <input type="hidden" {...field("next")} />}
      <Field label="Code from the mail" error={errorFor("code")} hint="6 digits">
        {(control) => (
          <Input
            {...control}
            {...field("code")}
            inputMode="numeric"
            autoComplete="one-time-code"
            pattern="[0-9 ]*"
            maxLength={14}
            className="font-mono tracking-widest"
            required
          />
        )}
      </Field>
      <SubmitButton pending={pending} className="w-full">
        Sign in with the code
      </SubmitButton>
    </form>
  );
}
