"use client";

/**
 * "Start from a role" on the first step: picking a template fills this step's empty fields with its
 * suggestions and carries the template id (hidden `template` input → the URL) so the later steps it
 * covers start pre-filled too. What the person already typed is never overwritten; the status line
 * says what was filled and what was kept. The cards are one Tab stop (arrow keys move between
 * them). Nothing is saved until the person presses Continue.
 */
import { useRef, useState, type KeyboardEvent } from "react";
import type { FieldValues, Path } from "react-hook-form";
import type { ActionFormApi } from "@/lib/actions/use-action-form";
import { cn } from "@/lib/cn";
import { COMPLETION_FIELDS, FIELD_LABELS } from "@/lib/profiles/fields";
import { PROFILE_TEMPLATES, findTemplate, type ProfileTemplate } from "@/lib/profiles/templates";

const list = (names: string[]) =>
  names.length <= 1 ? names.join("") : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;

/** What the templates do and do not suggest, in words, from the templates themselves. */
function coverage(): string {
  const suggested = new Set(PROFILE_TEMPLATES.flatMap((template) => Object.keys(template.suggestions)));
  const label = (field: (typeof COMPLETION_FIELDS)[number]) => FIELD_LABELS[field].toLowerCase();
  const yes = COMPLETION_FIELDS.filter((field) => suggested.has(field)).map(label);
  const no = COMPLETION_FIELDS.filter((field) => !suggested.has(field)).map(label);
  return `A role suggests your ${list(yes)}${no.length > 0 ? ` — not your ${list(no)}` : ""}.`;
}

export function TemplatePicker({ api, initial }: { api: ActionFormApi<FieldValues>; initial: string | null }) {
  const [selected, setSelected] = useState<string | null>(initial);
  const [status, setStatus] = useState("");
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const focusIndex = Math.max(
    0,
    PROFILE_TEMPLATES.findIndex((template) => template.id === selected),
  );

  function pick(template: ProfileTemplate) {
    setSelected(template.id);
    const { form } = api;
    const suggested = {
      years_of_experience: String(template.suggestions.years_of_experience),
      experience_level: template.suggestions.experience_level,
    };
    const kept: string[] = [];
    for (const [name, value] of Object.entries(suggested)) {
      const current: unknown = form.getValues(name as Path<FieldValues>);
      const typed = typeof current === "string" ? current.trim() !== "" : current !== undefined && current !== null;
      if (typed && current !== value) {
        kept.push(FIELD_LABELS[name as keyof typeof suggested].toLowerCase());
        continue;
      }
      form.setValue(name as Path<FieldValues>, value, {
        shouldDirty: true,
        shouldValidate: form.formState.isSubmitted,
      });
    }
    const later = COMPLETION_FIELDS.filter((field) => {
      const value = template.suggestions[field as keyof ProfileTemplate["suggestions"]];
      return !(field in suggested) && value !== undefined && value !== null;
    }).map((field) => FIELD_LABELS[field].toLowerCase());
    setStatus(
      `“${template.label}” chosen.` +
        (kept.length > 0 ? ` Your ${list(kept)} stayed as you typed.` : "") +
        (later.length > 0 ? ` It also suggests ${list(later)} on the next steps.` : ""),
    );
  }

  function onKeyDown(event: KeyboardEvent<HTMLButtonElement>, index: number) {
    const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[event.key];
    if (!step) return;
    event.preventDefault();
    buttons.current[(index + step + PROFILE_TEMPLATES.length) % PROFILE_TEMPLATES.length]?.focus();
  }

  const chosen = findTemplate(selected);
  return (
    <fieldset className="rounded-xl border border-slate-200 bg-slate-50 p-4">
      <legend className="px-1 text-sm font-medium text-ink">Start from a role (optional)</legend>
      <p className="mb-3 text-sm text-ink-muted">
        {coverage()} It never replaces what you typed, and you can change every suggestion before you continue.
      </p>
      <div className="grid gap-2 sm:grid-cols-2">
        {PROFILE_TEMPLATES.map((template, index) => (
          <button
            key={template.id}
            ref={(element) => {
              buttons.current[index] = element;
            }}
            type="button"
            aria-pressed={selected === template.id}
            tabIndex={index === focusIndex ? 0 : -1}
            onClick={() => pick(template)}
            onKeyDown={(event) => onKeyDown(event, index)}
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
      {chosen && <input type="hidden" name="template" value={chosen.id} />}
      <p role="status" className="mt-2 text-xs text-ink-muted">
        {status}
      </p>
    </fieldset>
  );
}
