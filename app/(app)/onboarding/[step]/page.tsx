import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ReviewStep } from "@/components/onboarding/review-step";
import { WizardShell } from "@/components/onboarding/wizard-shell";
import { WizardStep } from "@/components/onboarding/wizard-step";
import { loadProfilePage } from "@/lib/onboarding/load";
import { getStep, isFormStep, isStepSlug } from "@/lib/onboarding/steps";
import { findTemplate } from "@/lib/profiles/templates";

interface Props {
  params: Promise<{ step: string }>;
  searchParams: Promise<{ template?: string | string[]; from?: string | string[] }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { step } = await params;
  return { title: isStepSlug(step) ? `${getStep(step).title} · Onboarding` : "Onboarding" };
}

export default async function OnboardingStepPage({ params, searchParams }: Props) {
  const { step: slug } = await params;
  if (!isStepSlug(slug)) notFound();
  const query = await searchParams;
  const template = findTemplate(typeof query.template === "string" ? query.template : null)?.id ?? null;
  const from = query.from === "profile" ? "profile" : null;
  const { profile, completion } = await loadProfilePage(`/onboarding/${slug}`);
  const step = getStep(slug);

  return (
    <WizardShell step={step} profile={profile} percentage={completion.completionPercentage} template={template}>
      {isFormStep(step) ? (
        <WizardStep slug={step.slug} profile={profile} template={template} from={from} />
      ) : (
        <ReviewStep profile={profile} template={template} />
      )}
    </WizardShell>
  );
}
