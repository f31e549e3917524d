/** The /admin page body: totals on top, then the charts, then recent sign-ups. */
import type { Dashboard } from "@/lib/admin/dashboard";
import { FieldAnswerRates, WizardFunnel } from "./answer-charts";
import { CompletionHistogram, CompletionsPerDay } from "./completion-charts";
import { RecentSignups } from "./recent-signups";
import { StatCards } from "./stat-cards";

const AT = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export function AdminDashboard({ data, generatedAt }: { data: Dashboard; generatedAt: Date }) {
  return (
    <div className="space-y-6">
      <header className="flex flex-wrap items-end justify-between gap-2">
        <div>
          <h1 className="text-3xl font-semibold tracking-tight text-ink">Admin dashboard</h1>
          <p className="mt-1 text-sm text-ink-muted">Profile completion across all users.</p>
        </div>
        <p className="text-xs text-ink-subtle">Figures as of {AT.format(generatedAt)} UTC</p>
      </header>
      <StatCards totals={data.totals} />
      <div className="grid gap-6 lg:grid-cols-2">
        <CompletionHistogram buckets={data.distribution} />
        <CompletionsPerDay days={data.perDay} />
        <FieldAnswerRates rates={data.fieldRates} />
        <WizardFunnel steps={data.steps} />
      </div>
      <RecentSignups signups={data.recent} />
    </div>
  );
}
