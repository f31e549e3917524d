"use client";

/**
 * The frame every profile form shares (wizard steps and profile-page sections): react-hook-form
 * validates with the step's zod schema in the browser, then the same schema runs again in the server
 * action. Server field errors are put next to their fields; a network or server failure shows a
 * message and keeps everything typed. In the wizard, unsaved input is kept per step in
 * sessionStorage so "Back" and returning never lose it.
 */
import Link from "next/link";
import { startTransition, useActionState, useEffect, useId, type FormEvent, type ReactNode } from "react";
import { unstable_rethrow } from "next/navigation";
import type { FieldValues, Path, UseFormReturn } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClasses } from "@/components/ui/button";
import { failure, initialFormState, type FormState } from "@/lib/actions/form-state";
import type { FormAction } from "@/lib/actions/safe-action";
import { SkipButton } from "./skip-button";

export interface FrameConfig {
  action: FormAction;
  variant: "wizard" | "section";
  /** Wizard only: where unsaved input is kept for this step. */
  draftKey?: string;
  backHref?: string | null;
  /** Wizard only: the optional step's slug, to offer "Skip for now". */
  skipStep?: string | null;
  template?: string | null;
  submitLabel?: string;
  /** Section only: called after a successful save (closes the editor). */
  onSaved?: () => void;
  onCancel?: () => void;
}

const NETWORK_MESSAGE =
  "We could not reach the server. Check your connection and try again — your answers are still here.";

function readDraft(key: string): Record<string, unknown> | null {
  try {
    const parsed: unknown = JSON.parse(sessionStorage.getItem(key) ?? "null");
    return parsed && typeof parsed === "object" && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

export function FormFrame<T extends FieldValues, O>({
  form,
  config,
  children,
}: {
  form: UseFormReturn<T, unknown, O>;
  config: FrameConfig;
  children: ReactNode;
}) {
  const formId = useId();
  const { action, draftKey, onSaved } = config;
  const [state, formAction, pending] = useActionState(async (previous: FormState, formData: FormData) => {
    try {
      return await action(previous, formData);
    } catch (error) {
      unstable_rethrow(error);
      return failure(NETWORK_MESSAGE);
    }
  }, initialFormState);

  useEffect(() => {
    for (const [name, message] of Object.entries(state.fieldErrors ?? {})) {
      form.setError(name as Path<T>, { type: "server", message }, { shouldFocus: true });
    }
    if (state.ok) onSaved?.();
  }, [state, form, onSaved]);

  useEffect(() => {
    if (!draftKey) return;
    const draft = readDraft(draftKey);
    if (draft) form.reset({ ...form.getValues(), ...draft }, { keepDefaultValues: true });
    const subscription = form.watch((values) => sessionStorage.setItem(draftKey, JSON.stringify(values)));
    return () => subscription.unsubscribe();
  }, [draftKey, form]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    const element = event.currentTarget;
    void form.handleSubmit(() => {
      if (draftKey) sessionStorage.removeItem(draftKey);
      const data = new FormData(element);
      startTransition(() => formAction(data));
    })(event);
  }

  const wizard = config.variant === "wizard";
  return (
    <div className="space-y-6">
      {state.message && !state.fieldErrors && <Alert tone={state.ok ? "success" : "error"}>{state.message}</Alert>}
      {state.fieldErrors && state.message && <Alert>{state.message}</Alert>}
      <form id={formId} onSubmit={onSubmit} noValidate className="space-y-5">
        {config.template && <input type="hidden" name="template" value={config.template} />}
        {children}
      </form>
      <div className="flex flex-col-reverse gap-3 border-t border-slate-200 pt-5 sm:flex-row sm:items-center sm:justify-between">
        <div>
          {wizard && config.backHref && (
            <Link href={config.backHref} className={buttonClasses("secondary", "w-full sm:w-auto")}>
              Back
            </Link>
          )}
          {!wizard && config.onCancel && (
            <Button variant="secondary" onClick={config.onCancel} className="w-full sm:w-auto">
              Cancel
            </Button>
          )}
        </div>
        <div className="flex flex-col-reverse gap-3 sm:flex-row sm:items-center">
          {wizard && config.skipStep && <SkipButton step={config.skipStep} template={config.template ?? null} />}
          <Button type="submit" form={formId} pending={pending} className="w-full sm:w-auto">
            {config.submitLabel ?? (wizard ? "Continue" : "Save")}
          </Button>
        </div>
      </div>
    </div>
  );
}
