/**
 * The page frame every wizard step shares: step counter, stepper and completion bar in a nav
 * before the main content (so "Skip to content" lands on the step itself), then the step's card.
 * The step's heading takes focus on arrival.
 */
import type { ReactNode } from "react";
import { Card, CardDescription, CardTitle } from "@/components/ui/card";
import { Progress } from "@/components/ui/progress";
import { Stepper, type StepperItem } from "@/components/ui/stepper";
import { isStepAnswered, isStepSkipped, stepHref, stepIndex, STEPS, type Step } from "@/lib/onboarding/steps";
import type { Profile } from "@/lib/profiles/row";
import { FocusOnArrival } from "./focus-on-arrival";

interface WizardShellProps {
  step: Step;
  profile: Pick<Profile, "answered_fields" | "skipped_fields">;
  percentage: number;
  template: string | null;
  children: ReactNode;
}

export function WizardShell({ step, profile, percentage, template, children }: WizardShellProps) {
  const items: StepperItem[] = STEPS.map((candidate) => ({
    key: candidate.slug,
    label: candidate.label,
    href: stepHref(candidate.slug, template),
    state:
      candidate.slug === step.slug
        ? "current"
        : isStepSkipped(candidate, profile.skipped_fields)
          ? "skipped"
          : isStepAnswered(candidate, profile.answered_fields)
            ? "done"
            : "todo",
  }));

  return (
    <div className="mx-auto w-full max-w-3xl px-4 py-8 sm:px-6 sm:py-12">
      <nav aria-label="Onboarding steps" className="mb-6 space-y-5">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <p className="text-sm font-semibold text-brand-700">
            Step {stepIndex(step.slug) + 1} of {STEPS.length}
          </p>
          <p className="text-sm text-ink-muted">Your answers are saved at every step.</p>
        </div>
        <Stepper items={items} />
        <Progress value={percentage} label="Profile completion" />
      </nav>
      <main id="main">
        <Card>
          <CardTitle id="step-title" tabIndex={-1} className="focus:outline-none">
            {step.title}
          </CardTitle>
          <FocusOnArrival targetId="step-title" />
          <CardDescription>
            {step.description}
            {step.optional && " This step is optional."}
          </CardDescription>
          <div className="mt-6">{children}</div>
        </Card>
      </main>
    </div>
  );
}
