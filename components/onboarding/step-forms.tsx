"use client";

/**
 * One form per field group, each validated by its zod schema slice. Used by the wizard steps and by
 * the profile page's in-place editors; only the frame's config differs.
 */
import { zodResolver } from "@hookform/resolvers/zod";
import { useForm, type DefaultValues } from "react-hook-form";
import {
  educationSchema,
  experienceSchema,
  preferencesSchema,
  salarySchema,
  skillsSchema,
} from "@/lib/profiles/schema";
import { EducationFields, type EducationInput, type EducationOutput } from "./education-fields";
import { ExperienceFields, type ExperienceInput, type ExperienceOutput } from "./experience-fields";
import { FormFrame, type FrameConfig } from "./form-frame";
import { PreferencesFields, type PreferencesInput, type PreferencesOutput } from "./preferences-fields";
import { SalaryFields, type SalaryInput, type SalaryOutput } from "./salary-fields";
import { SkillsFields, type SkillsInput, type SkillsOutput } from "./skills-fields";
import { TemplatePicker } from "./template-picker";

interface StepFormProps<T> {
  defaults: DefaultValues<T>;
  config: FrameConfig;
}

// Errors are re-checked as the person fixes them, but nothing shouts before the first submit.
const MODE = { mode: "onSubmit", reValidateMode: "onChange" } as const;

/** `templates`: show the role picker (first wizard step); it then owns the `template` input. */
export function ExperienceForm({
  defaults,
  config,
  templates,
}: StepFormProps<ExperienceInput> & { templates?: { initial: string | null } }) {
  const form = useForm<ExperienceInput, unknown, ExperienceOutput>({
    resolver: zodResolver(experienceSchema),
    defaultValues: defaults,
    ...MODE,
  });
  return (
    <FormFrame form={form} config={templates ? { ...config, template: null } : config}>
      {templates && <TemplatePicker form={form} initial={templates.initial} />}
      <ExperienceFields form={form} />
    </FormFrame>
  );
}

export function EducationForm({ defaults, config }: StepFormProps<EducationInput>) {
  const form = useForm<EducationInput, unknown, EducationOutput>({
    resolver: zodResolver(educationSchema),
    defaultValues: defaults,
    ...MODE,
  });
  return (
    <FormFrame form={form} config={config}>
      <EducationFields form={form} />
    </FormFrame>
  );
}

export function SkillsForm({ defaults, config }: StepFormProps<SkillsInput>) {
  const form = useForm<SkillsInput, unknown, SkillsOutput>({
    resolver: zodResolver(skillsSchema),
    defaultValues: defaults,
    ...MODE,
  });
  return (
    <FormFrame form={form} config={config}>
      <SkillsFields form={form} />
    </FormFrame>
  );
}

export function PreferencesForm({ defaults, config }: StepFormProps<PreferencesInput>) {
  const form = useForm<PreferencesInput, unknown, PreferencesOutput>({
    resolver: zodResolver(preferencesSchema),
    defaultValues: defaults,
    ...MODE,
  });
  return (
    <FormFrame form={form} config={config}>
      <PreferencesFields form={form} />
    </FormFrame>
  );
}

export function SalaryForm({ defaults, config }: StepFormProps<SalaryInput>) {
  const form = useForm<SalaryInput, unknown, SalaryOutput>({
    resolver: zodResolver(salarySchema),
    defaultValues: defaults,
    ...MODE,
  });
  return (
    <FormFrame form={form} config={config}>
      <SalaryFields form={form} />
    </FormFrame>
  );
}
