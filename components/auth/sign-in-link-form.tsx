"use client";
import { SubmitButton } from "@/components/ui/submit-button";
import { sendSignInLink } from "@/lib/actions/auth/send-sign-in-link";
import { useActionForm } from "@/lib/actions/use-action-form";
import { signInLinkSchema } from "@/lib/auth/schemas";
import { EmailField } from "./email-field";
import { FormMessage } from "./form-message";

/** "Email me a sign-in link": the address only; `next` travels on (the action sanitises it). */
export function SignInLinkForm({ next }: { next?: string }) {
  const { field, state, pending, formProps, errorFor } = useActionForm(signInLinkSchema, sendSignInLink, {
    email: "",
    next,
  });
  return (
    <form {...formProps} className="space-y-5">
      <FormMessage state={state} />
      {next && <input type="hidden" {...field("next")} />}
      <EmailField registration={field("email")} error={errorFor("email")} />
      <SubmitButton pending={pending} className="w-full">
        Email me a sign-in link
      </SubmitButton>
    </form>
  );
}
