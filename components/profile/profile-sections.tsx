"use client";

/** The profile's sections, one per wizard step, each editable in place with that step's form. */
import { StepForm } from "@/components/onboarding/step-form";
import { saveOnboardingStep } from "@/lib/actions/save-onboarding-step";
import { FORM_STEPS } from "@/lib/onboarding/steps";
import type { Profile } from "@/lib/profiles/row";
import { ProfileSection } from "./profile-section";

export function ProfileSections({ profile }: { profile: Profile }) {
  return (
    <div className="space-y-4">
      {FORM_STEPS.map((step) => (
        <ProfileSection
          key={step.slug}
          id={`section-${step.slug}`}
          title={step.label}
          fields={step.fields}
          profile={profile}
          editor={(close) => (
            <StepForm
              variant="section"
              slug={step.slug}
              action={saveOnboardingStep.bind(null, step.slug, "stay")}
              defaults={step.defaults(profile, null)}
              onSaved={() => close(true)}
              onCancel={() => close()}
            />
          )}
        />
      ))}
    </div>
  );
}
