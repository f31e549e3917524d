/** The review step: every answer grouped by step, an "Edit" link per step, and "Finish". */
import Link from "next/link";
import { emptyLabel, formatField } from "@/components/profile/format";
import { FORM_STEPS, previousStep, stepHref } from "@/lib/onboarding/steps";
import { FIELD_LABELS } from "@/lib/profiles/fields";
import type { Profile } from "@/lib/profiles/row";
import { FinishForm } from "./finish-form";

export function ReviewStep({ profile, template }: { profile: Profile; template: string | null }) {
  return (
    <div className="space-y-6">
      <div className="divide-y divide-slate-200 rounded-xl border border-slate-200">
        {FORM_STEPS.map((step) => (
          <section key={step.slug} aria-labelledby={`review-${step.slug}`} className="p-4 sm:p-5">
            <div className="mb-2 flex items-center justify-between gap-4">
              <h2 id={`review-${step.slug}`} className="text-base font-semibold text-ink">
                {step.label}
              </h2>
              <Link
                href={stepHref(step.slug, template)}
                className="text-sm font-semibold text-brand-700 hover:underline"
              >
                Edit<span className="sr-only"> {step.label.toLowerCase()}</span>
              </Link>
            </div>
            <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[12rem_1fr]">
              {step.fields.map((field) => {
                const value = formatField(profile, field);
                return (
                  <div key={field} className="contents">
                    <dt className="text-sm text-ink-muted">{FIELD_LABELS[field]}</dt>
                    <dd className={value ? "text-sm text-ink" : "text-sm italic text-ink-subtle"}>
                      {value ?? emptyLabel(profile, field)}
                    </dd>
                  </div>
                );
              })}
            </dl>
          </section>
        ))}
      </div>
      <FinishForm backHref={stepHref(previousStep("review") ?? "experience", template)} />
    </div>
  );
}
