"use client";

/** The profile's five sections, each editable in place with its wizard step's form and schema. */
import type { ReactNode } from "react";
import {
  EducationForm,
  ExperienceForm,
  PreferencesForm,
  SalaryForm,
  SkillsForm,
} from "@/components/onboarding/step-forms";
import type { FrameConfig } from "@/components/onboarding/form-frame";
import {
  updateEducationSection,
  updateExperienceSection,
  updatePreferencesSection,
  updateSalarySection,
  updateSkillsSection,
} from "@/lib/actions/update-profile-section";
import type { formDefaults } from "@/lib/onboarding/defaults";
import { STEPS, type FormStepSlug } from "@/lib/onboarding/steps";
import type { FormAction } from "@/lib/actions/safe-action";
import type { Profile } from "@/lib/profiles/row";
import { ProfileSection } from "./profile-section";

type Defaults = ReturnType<typeof formDefaults>;

function sectionConfig(action: FormAction, close: (saved?: boolean) => void): FrameConfig {
  return { action, variant: "section", submitLabel: "Save", onSaved: () => close(true), onCancel: () => close() };
}

function editorFor(slug: FormStepSlug, defaults: Defaults, close: (saved?: boolean) => void): ReactNode {
  switch (slug) {
    case "experience":
      return <ExperienceForm defaults={defaults.experience} config={sectionConfig(updateExperienceSection, close)} />;
    case "education":
      return <EducationForm defaults={defaults.education} config={sectionConfig(updateEducationSection, close)} />;
    case "skills":
      return <SkillsForm defaults={defaults.skills} config={sectionConfig(updateSkillsSection, close)} />;
    case "preferences":
      return (
        <PreferencesForm defaults={defaults.preferences} config={sectionConfig(updatePreferencesSection, close)} />
      );
    case "salary":
      return <SalaryForm defaults={defaults.salary} config={sectionConfig(updateSalarySection, close)} />;
  }
}

export function ProfileSections({ profile, defaults }: { profile: Profile; defaults: Defaults }) {
  return (
    <div className="space-y-4">
      {STEPS.map((step) =>
        step.slug === "review" ? null : (
          <ProfileSection
            key={step.slug}
            id={`section-${step.slug}`}
            title={step.label}
            fields={step.fields}
            profile={profile}
            editor={(close) => editorFor(step.slug, defaults, close)}
          />
        ),
      )}
    </div>
  );
}
