"use client";
import { SubmitButton } from "@/components/ui/submit-button";
import { resendConfirmation } from "@/lib/actions/auth/resend-confirmation";
import { useActionForm } from "@/lib/actions/use-action-form";
import { emailOnlySchema } from "@/lib/auth/schemas";
import { EmailField } from "./email-field";
import { FormMessage } from "./form-message";

/** "Send the link again": uses the remembered address when there is one, otherwise asks for it. */
export function ResendForm({ email }: { email: string | null }) {
  const { field, state, pending, formProps, errorFor } = useActionForm(emailOnlySchema, resendConfirmation, {
    email: email ?? "",
  });
  return (
    <form {...formProps} className="space-y-4">
      <FormMessage state={state} />
      {email ? (
        <input type="hidden" {...field("email")} />
      ) : (
        <EmailField registration={field("email")} error={errorFor("email")} />
      )}
      <SubmitButton variant="secondary" pending={pending} className="w-full">
        Send the link again
      </SubmitButton>
    </form>
  );
}
