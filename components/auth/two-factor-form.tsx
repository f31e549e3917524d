"use client";
import { SubmitButton } from "@/components/ui/submit-button";
import { verifySecondFactor } from "@/lib/actions/auth/verify-second-factor";
import { useActionForm } from "@/lib/actions/use-action-form";
import { secondFactorSchema } from "@/lib/auth/two-factor-schemas";
import { CodeField } from "./code-field";
import { FormMessage } from "./form-message";

/** The code page's form; `next` is sanitised by the page and again by the action. */
export function TwoFactorForm({ next }: { next?: string }) {
  const { field, state, pending, formProps, errorFor } = useActionForm(secondFactorSchema, verifySecondFactor, {
    code: "",
    next,
  });
  return (
    <form {...formProps} aria-label="Two-factor code" className="space-y-5">
      <FormMessage state={state} />
      {next && <input type="hidden" {...field("next")} />}
      <CodeField registration={field("code")} error={errorFor("code")} />
      <SubmitButton pending={pending} className="w-full">
        Verify
      </SubmitButton>
    </form>
  );
}
