"use client";

/**
 * "Start from a role" on the first step: picking a template fills this step's fields with its
 * suggestions and carries the template id (hidden `template` input → the URL) so later steps are
 * pre-filled too. Nothing is saved until the person presses Continue.
 */
import { useState } from "react";
import type { UseFormReturn } from "react-hook-form";
import { cn } from "@/lib/cn";
import { PROFILE_TEMPLATES, type ProfileTemplate } from "@/lib/profiles/templates";
import type { ExperienceInput, ExperienceOutput } from "./experience-fields";

export function TemplatePicker({
  form,
  initial,
}: {
  form: UseFormReturn<ExperienceInput, unknown, ExperienceOutput>;
  initial: string | null;
}) {
  const [selected, setSelected] = useState<string | null>(initial);

  function pick(template: ProfileTemplate) {
    setSelected(template.id);
    const options = { shouldDirty: true, shouldValidate: form.formState.isSubmitted } as const;
    form.setValue("years_of_experience", String(template.suggestions.years_of_experience), options);
    form.setValue("experience_level", template.suggestions.experience_level, options);
  }

  return (
    <fieldset className="rounded-xl border border-slate-200 bg-slate-50 p-4">
      <legend className="px-1 text-sm font-medium text-ink">Start from a role (optional)</legend>
      <p className="mb-3 text-sm text-ink-muted">
        A template suggests answers for every step. You can change any of them before you continue.
      </p>
      <div className="grid gap-2 sm:grid-cols-2">
        {PROFILE_TEMPLATES.map((template) => (
          <button
            key={template.id}
            type="button"
            aria-pressed={selected === template.id}
            onClick={() => pick(template)}
            className={cn(
              "rounded-lg border bg-white px-3 py-2 text-left transition-colors",
              selected === template.id
                ? "border-brand-600 ring-2 ring-brand-200"
                : "border-slate-200 hover:border-brand-500",
            )}
          >
            <span className="block text-sm font-semibold text-ink">{template.label}</span>
            <span className="block text-xs text-ink-muted">{template.description}</span>
          </button>
        ))}
      </div>
      {selected && <input type="hidden" name="template" value={selected} />}
      <p role="status" className="mt-2 text-xs text-ink-muted">
        {selected ? `Suggestions from “${PROFILE_TEMPLATES.find((t) => t.id === selected)?.label}” filled in.` : ""}
      </p>
    </fieldset>
  );
}
