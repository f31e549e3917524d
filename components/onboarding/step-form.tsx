"use client";

/**
 * The one form every wizard step and every profile section uses: the step's record gives the
 * schema, the registry its fields, and the bound `saveOnboardingStep` its action. It posts to the
 * action with or without JavaScript. The wizard variant has Back / Skip / Continue and keeps a
 * draft; the section variant has Cancel / Save and closes once saved.
 */
import Link from "next/link";
import { useId, type ReactNode } from "react";
import type { FieldValues } from "react-hook-form";
import type * as z from "zod/v4/core";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClasses } from "@/components/ui/button";
import type { FormState } from "@/lib/actions/form-state";
import { useActionForm, type ActionFormApi } from "@/lib/actions/use-action-form";
import { getFormStep, type FormStepSlug } from "@/lib/onboarding/steps";
import { SkipButton } from "./skip-button";
import { STEP_FIELDS } from "./step-fields";
import { clearDraft, useStepDraft, type DraftConfig } from "./use-step-draft";

type BoundAction = (previous: FormState, formData: FormData) => Promise<FormState>;

interface WizardVariant {
  variant: "wizard";
  backHref: string | null;
  skippable: boolean;
  template: string | null;
  /** "profile": opened from /profile, so saving or skipping returns there. */
  from: "profile" | null;
  draft: DraftConfig;
  /** Above the fields (the template picker on the first step); gets the form to fill. */
  before?: (api: ActionFormApi<FieldValues>) => ReactNode;
}

interface SectionVariant {
  variant: "section";
  onSaved: () => void;
  onCancel: () => void;
}

export type StepFormProps = {
  slug: FormStepSlug;
  action: BoundAction;
  defaults: FieldValues;
} & (WizardVariant | SectionVariant);

export function StepForm(props: StepFormProps) {
  const formId = useId();
  const { slug, action, defaults } = props;
  const wizard = props.variant === "wizard" ? props : null;
  const section = props.variant === "section" ? props : null;
  // One schema per step; the form itself works with any of them.
  const schema = getFormStep(slug).schema as unknown as z.$ZodType<FieldValues, FieldValues>;
  const api = useActionForm(schema, action, defaults, {
    mode: "onSubmit",
    onSuccess: section?.onSaved,
  }) as unknown as ActionFormApi<FieldValues>;
  useStepDraft(api.form, wizard?.draft);
  const Fields = STEP_FIELDS[slug];
  const { state } = api;

  return (
    <div className="space-y-6">
      {state.message && <Alert tone={state.ok ? "success" : "error"}>{state.message}</Alert>}
      <form
        id={formId}
        {...api.formProps}
        onSubmit={(event) => {
          clearDraft(wizard?.draft);
          api.formProps.onSubmit(event);
        }}
        className="space-y-5"
      >
        {wizard?.template && <input type="hidden" name="template" value={wizard.template} />}
        {wizard?.from && <input type="hidden" name="from" value={wizard.from} />}
        {wizard?.before?.(api)}
        <Fields api={api} />
      </form>
      <div className="flex flex-col-reverse gap-3 border-t border-slate-200 pt-5 sm:flex-row sm:items-center sm:justify-between">
        <div>
          {wizard?.backHref && (
            <Link href={wizard.backHref} className={buttonClasses("secondary", "w-full sm:w-auto")}>
              Back
            </Link>
          )}
          {section && (
            <Button variant="secondary" onClick={section.onCancel} className="w-full sm:w-auto">
              Cancel
            </Button>
          )}
        </div>
        <div className="flex flex-col-reverse gap-3 sm:flex-row sm:items-center">
          {wizard?.skippable && <SkipButton step={slug} template={wizard.template} from={wizard.from} />}
          <Button type="submit" form={formId} pending={api.pending} className="w-full sm:w-auto">
            {wizard ? "Continue" : "Save"}
          </Button>
        </div>
      </div>
    </div>
  );
}
