/**
 * Completion at a glance: the percentage and, for each missing field, a link to the step that asks
 * for it — opened from here, that step comes back to /profile once saved or skipped.
 */
import Link from "next/link";
import { Progress } from "@/components/ui/progress";
import { stepHref, stepForField } from "@/lib/onboarding/steps";
import { FIELD_LABELS, REQUIRED_FIELDS } from "@/lib/profiles/fields";
import type { CompletionStatus } from "@/lib/profiles/queries";

export function CompletionCard({ completion }: { completion: CompletionStatus }) {
  const { completionPercentage, missingFields, isComplete } = completion;
  return (
    <section
      aria-labelledby="completion-title"
      className="rounded-2xl border border-slate-200 bg-white p-5 shadow-card sm:p-6"
    >
      <h2 id="completion-title" className="mb-3 text-lg font-semibold text-ink">
        Completion
      </h2>
      <Progress value={completionPercentage} label="Profile completion" />
      <p className="mt-3 text-sm text-ink-muted">
        {missingFields.length === 0
          ? "Every question is answered. Nice work."
          : isComplete
            ? "The required questions are answered. The optional ones below make your profile stronger."
            : "Answer the required questions to complete your profile."}
      </p>
      {missingFields.length > 0 && (
        <ul className="mt-4 space-y-2" aria-label="Missing fields">
          {missingFields.map((field) => (
            <li key={field} className="flex items-center justify-between gap-3 rounded-lg bg-slate-50 px-3 py-2">
              <span className="text-sm text-ink">
                {FIELD_LABELS[field]}
                {REQUIRED_FIELDS.includes(field) && (
                  <span className="ml-2 text-xs font-semibold text-danger-700">Required</span>
                )}
              </span>
              <Link
                href={stepHref(stepForField(field), { from: "profile" })}
                className="shrink-0 text-sm font-semibold text-brand-700 hover:underline"
              >
                Add<span className="sr-only"> {FIELD_LABELS[field].toLowerCase()}</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
