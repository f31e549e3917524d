/**
 * Picks the form for a wizard step and wires it: its save action, the Back link, "Skip for now"
 * for optional steps, the template carried in the URL and the per-step draft key.
 */
import {
  saveEducationStep,
  saveExperienceStep,
  savePreferencesStep,
  saveSalaryStep,
  saveSkillsStep,
} from "@/lib/actions/save-onboarding-step";
import { formDefaults } from "@/lib/onboarding/defaults";
import { previousStep, stepHref, type FormStepSlug, type Step } from "@/lib/onboarding/steps";
import type { Profile } from "@/lib/profiles/row";
import { findTemplate } from "@/lib/profiles/templates";
import type { FrameConfig } from "./form-frame";
import { EducationForm, ExperienceForm, PreferencesForm, SalaryForm, SkillsForm } from "./step-forms";

interface WizardStepProps {
  step: Step & { slug: FormStepSlug };
  profile: Profile;
  template: string | null;
}

export function WizardStep({ step, profile, template }: WizardStepProps) {
  const defaults = formDefaults(profile, findTemplate(template));
  const back = previousStep(step.slug);
  const base = {
    variant: "wizard",
    backHref: back ? stepHref(back, template) : null,
    skipStep: step.optional ? step.slug : null,
    template,
    draftKey: `autoprofile:onboarding:${profile.user_id}:${step.slug}`,
  } as const satisfies Omit<FrameConfig, "action">;

  switch (step.slug) {
    case "experience":
      return (
        <ExperienceForm
          defaults={defaults.experience}
          config={{ ...base, action: saveExperienceStep }}
          templates={{ initial: template }}
        />
      );
    case "education":
      return <EducationForm defaults={defaults.education} config={{ ...base, action: saveEducationStep }} />;
    case "skills":
      return <SkillsForm defaults={defaults.skills} config={{ ...base, action: saveSkillsStep }} />;
    case "preferences":
      return <PreferencesForm defaults={defaults.preferences} config={{ ...base, action: savePreferencesStep }} />;
    case "salary":
      return <SalaryForm defaults={defaults.salary} config={{ ...base, action: saveSalaryStep }} />;
  }
}
