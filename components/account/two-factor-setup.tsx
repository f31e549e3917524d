"use client";
/**
 * Turning two-factor on: a button starts the setup (the server enrolls a factor and answers with its
 * QR code and setup key), then the first code from the app confirms it. Works without JavaScript:
 * both forms post to their actions and the page re-renders from their answers.
 */
import { useActionState } from "react";
import { FormMessage } from "@/components/auth/form-message";
import { CodeField } from "@/components/auth/code-field";
import { SubmitButton } from "@/components/ui/submit-button";
import { confirmTwoFactor } from "@/lib/actions/auth/confirm-two-factor";
import { startTwoFactor } from "@/lib/actions/auth/start-two-factor";
import { initialFormState } from "@/lib/actions/form-state";
import { useActionForm } from "@/lib/actions/use-action-form";
import { confirmFactorSchema } from "@/lib/auth/two-factor-schemas";

/** "ABCDEFGH…" → "ABCD EFGH …", easier to copy by hand; apps ignore the spaces. */
const grouped = (key: string) => key.replace(/(.{4})/g, "$1 ").trim();

export function TwoFactorSetup() {
  const [started, start, starting] = useActionState(startTwoFactor, initialFormState);
  const factorId = typeof started.values?.factorId === "string" ? started.values.factorId : null;
  const qrCode = typeof started.values?.qrCode === "string" ? started.values.qrCode : null;
  const setupKey = typeof started.values?.setupKey === "string" ? started.values.setupKey : null;

  if (!factorId || !qrCode || !setupKey) {
    return (
      <form action={start} aria-label="Turn on two-factor sign-in" className="space-y-4">
        <FormMessage state={started} />
        <SubmitButton pending={starting}>Turn on two-factor sign-in</SubmitButton>
      </form>
    );
  }
  return (
    <div className="space-y-4">
      <ol className="list-decimal space-y-2 pl-5 text-sm text-ink">
        <li>Open an authenticator app on your phone (Google Authenticator, 1Password, Authy, …).</li>
        <li>Scan this QR code, or type the setup key into the app.</li>
        <li>Enter the 6-digit code the app shows.</li>
      </ol>
      {/* eslint-disable-next-line @next/next/no-img-element -- an inline data: SVG from Auth, nothing to optimise */}
      <img src={qrCode} alt="QR code to add Autoprofile to your authenticator app" width={180} height={180} />
      <div>
        <p className="text-sm font-medium text-ink">Setup key</p>
        <p className="mt-1 break-words font-mono text-sm text-ink" data-testid="setup-key">
          {grouped(setupKey)}
        </p>
        <p className="mt-1 text-xs text-ink-muted">
          Keep this key somewhere safe (a password manager): it is how you add the app to a new phone. We cannot show it
          again.
        </p>
      </div>
      <ConfirmTwoFactorForm factorId={factorId} />
    </div>
  );
}

function ConfirmTwoFactorForm({ factorId }: { factorId: string }) {
  const { field, state, pending, formProps, errorFor } = useActionForm(confirmFactorSchema, confirmTwoFactor, {
    factorId,
    code: "",
  });
  return (
    <form {...formProps} aria-label="Confirm two-factor sign-in" className="space-y-4">
      <FormMessage state={state} />
      <input type="hidden" {...field("factorId")} />
      <CodeField registration={field("code")} error={errorFor("code")} />
      <SubmitButton pending={pending}>Confirm and turn on</SubmitButton>
    </form>
  );
}
