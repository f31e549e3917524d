/** The page frame every wizard step shares: step counter, stepper, completion bar, the step's card. */
import type { ReactNode } from "react";
import { Card, CardDescription, CardTitle } from "@/components/ui/card";
import { Progress } from "@/components/ui/progress";
import { Stepper, type StepperItem } from "@/components/ui/stepper";
import { isStepAnswered, stepHref, stepIndex, STEPS, type Step } from "@/lib/onboarding/steps";
import type { CompletionField } from "@/lib/profiles/fields";

interface WizardShellProps {
  step: Step;
  answered: readonly CompletionField[];
  percentage: number;
  template: string | null;
  children: ReactNode;
}

export function WizardShell({ step, answered, percentage, template, children }: WizardShellProps) {
  const items: StepperItem[] = STEPS.map((candidate) => ({
    key: candidate.slug,
    label: candidate.label,
    href: stepHref(candidate.slug, template),
    state: candidate.slug === step.slug ? "current" : isStepAnswered(candidate, answered) ? "done" : "todo",
  }));

  return (
    <main id="main" className="mx-auto w-full max-w-3xl px-4 py-8 sm:px-6 sm:py-12">
      <div className="mb-6 space-y-5">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <p className="text-sm font-semibold text-brand-700">
            Step {stepIndex(step.slug) + 1} of {STEPS.length}
          </p>
          <p className="text-sm text-ink-muted">Your answers are saved at every step.</p>
        </div>
        <Stepper items={items} label="Onboarding steps" />
        <Progress value={percentage} label="Profile completion" />
      </div>
      <Card>
        <CardTitle>{step.title}</CardTitle>
        <CardDescription>
          {step.description}
          {step.optional && " This step is optional."}
        </CardDescription>
        <div className="mt-6">{children}</div>
      </Card>
    </main>
  );
}
