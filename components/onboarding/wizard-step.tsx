"use client";

/**
 * A wizard step's form: the step's record gives the starting values, the bound save action goes
 * on to the next step (or back to /profile when opened from there), optional steps offer "Skip for
 * now", and the first step shows the template picker.
 */
import { useMemo } from "react";
import { saveOnboardingStep } from "@/lib/actions/save-onboarding-step";
import { getFormStep, previousStep, stepHref, type FormStepSlug } from "@/lib/onboarding/steps";
import type { Profile } from "@/lib/profiles/row";
import { findTemplate } from "@/lib/profiles/templates";
import { StepForm } from "./step-form";
import { TemplatePicker } from "./template-picker";

interface WizardStepProps {
  slug: FormStepSlug;
  profile: Profile;
  template: string | null;
  from: "profile" | null;
}

export function WizardStep({ slug, profile, template, from }: WizardStepProps) {
  const record = getFormStep(slug);
  const defaults = record.defaults(profile, findTemplate(template)?.suggestions ?? null);
  const back = previousStep(slug);
  const action = useMemo(() => saveOnboardingStep.bind(null, slug, "next"), [slug]);
  const first = slug === "experience";
  return (
    <StepForm
      variant="wizard"
      slug={slug}
      action={action}
      defaults={defaults}
      backHref={back && !from ? stepHref(back, template) : from ? "/profile" : null}
      skippable={record.optional}
      // The picker owns the template input on the first step.
      template={first ? null : template}
      from={from}
      draft={{ key: `autoprofile:onboarding:${profile.user_id}:${slug}`, basis: JSON.stringify(defaults) }}
      before={first ? (api) => <TemplatePicker api={api} initial={template} /> : undefined}
    />
  );
}
