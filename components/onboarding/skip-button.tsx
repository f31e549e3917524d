"use client";

/** "Skip for now": its own tiny form, so skipping never runs the step's validation. */
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { initialFormState } from "@/lib/actions/form-state";
import { skipOnboardingStep } from "@/lib/actions/skip-onboarding-step";

interface SkipButtonProps {
  step: string;
  template: string | null;
  from: "profile" | null;
}

export function SkipButton({ step, template, from }: SkipButtonProps) {
  const [state, action, pending] = useActionState(skipOnboardingStep, initialFormState);
  return (
    <form action={action} className="contents">
      <input type="hidden" name="step" value={step} />
      {template && <input type="hidden" name="template" value={template} />}
      {from && <input type="hidden" name="from" value={from} />}
      {state.message && (
        <p role="alert" className="text-sm text-danger-700 sm:mr-2">
          {state.message}
        </p>
      )}
      <Button type="submit" variant="ghost" pending={pending} className="w-full sm:w-auto">
        Skip for now
      </Button>
    </form>
  );
}
