"use client";
import { useActionState } from "react";
import { FormMessage } from "@/components/auth/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { signOutOtherDevices } from "@/lib/actions/auth/sign-out-other-devices";
import { initialFormState } from "@/lib/actions/form-state";

export function SignOutOthersForm({ others }: { others: number }) {
  const [state, action, pending] = useActionState(signOutOtherDevices, initialFormState);
  return (
    <form action={action} aria-label="Sign out of other devices" className="space-y-4">
      <FormMessage state={state} />
      <SubmitButton pending={pending} variant="secondary" disabled={others === 0}>
        {others === 0
          ? "No other devices signed in"
          : `Sign out of ${others} other ${others === 1 ? "device" : "devices"}`}
      </SubmitButton>
    </form>
  );
}
