import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ReviewStep } from "@/components/onboarding/review-step";
import { WizardShell } from "@/components/onboarding/wizard-shell";
import { WizardStep } from "@/components/onboarding/wizard-step";
import { loadProfilePage } from "@/lib/onboarding/load";
import { getStep, isStepSlug } from "@/lib/onboarding/steps";
import { findTemplate } from "@/lib/profiles/templates";

interface Props {
  params: Promise<{ step: string }>;
  searchParams: Promise<{ template?: string | string[] }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { step } = await params;
  return { title: isStepSlug(step) ? `${getStep(step).title} · Onboarding` : "Onboarding" };
}

export default async function OnboardingStepPage({ params, searchParams }: Props) {
  const { step: slug } = await params;
  if (!isStepSlug(slug)) notFound();
  const { template: rawTemplate } = await searchParams;
  const template = findTemplate(typeof rawTemplate === "string" ? rawTemplate : null)?.id ?? null;
  const { profile, completion } = await loadProfilePage(`/onboarding/${slug}`);
  const step = getStep(slug);

  return (
    <WizardShell
      step={step}
      answered={profile.answered_fields}
      percentage={completion.completionPercentage}
      template={template}
    >
      {step.slug === "review" ? (
        <ReviewStep profile={profile} template={template} />
      ) : (
        <WizardStep step={step} profile={profile} template={template} />
      )}
    </WizardShell>
  );
}
