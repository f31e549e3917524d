/** Which questions people answer (per field) and how far they get in the wizard (funnel). */
import type { FieldRate, StepCount } from "@/lib/admin/dashboard";
import { FIELD_LABELS } from "@/lib/profiles";
import { STEPS } from "@/lib/onboarding/steps";
import { BarList } from "./bar-list";
import { NUMBER, Panel, percent } from "./panel";

export function FieldAnswerRates({ rates }: { rates: FieldRate[] }) {
  return (
    <Panel id="fields" title="Answer rate per field" description="Share of profiles where the question is answered">
      <BarList
        caption="Answer rate per profile field"
        labelHeader="Field"
        valueHeader="Answered"
        rows={rates.map((rate) => ({
          key: rate.field,
          label: FIELD_LABELS[rate.field],
          percent: rate.answered_percentage,
          text: `${rate.answered_percentage}% (${NUMBER.format(rate.answered)})`,
        }))}
      />
    </Panel>
  );
}

const STEP_TITLES: Record<string, string> = Object.fromEntries([
  ...STEPS.map((step) => [step.slug, step.title.replace(/^Your /, "").replace(/^./, (c) => c.toUpperCase())]),
  ["done", "Finished"],
]);

/**
 * admin_wizard_steps counts people AT each step; the funnel shows how many REACHED it (at it or
 * beyond), which is what drop-off reads from.
 */
export function WizardFunnel({ steps }: { steps: StepCount[] }) {
  const total = steps.reduce((sum, step) => sum + step.users, 0);
  const reached = steps.map((_, index) => steps.slice(index).reduce((sum, step) => sum + step.users, 0));
  return (
    <Panel id="funnel" title="Wizard funnel" description="People who reached each step (and how many stopped there)">
      <BarList
        caption="People who reached each wizard step"
        labelHeader="Step"
        valueHeader="Reached"
        rows={steps.map((step, index) => ({
          key: step.step,
          label: `${index + 1}. ${STEP_TITLES[step.step] ?? step.step}`,
          percent: percent(reached[index] ?? 0, total),
          text: `${NUMBER.format(reached[index] ?? 0)} (${percent(reached[index] ?? 0, total)}%)`,
          emphasis: step.step === "done",
        }))}
      />
      <p className="mt-3 text-xs text-ink-muted">
        Currently at each step:{" "}
        {steps.map((step) => `${STEP_TITLES[step.step] ?? step.step} ${NUMBER.format(step.users)}`).join(" · ")}
      </p>
    </Panel>
  );
}
