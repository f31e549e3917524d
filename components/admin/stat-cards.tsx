import type { Totals } from "@/lib/admin/dashboard";
import { cn } from "@/lib/cn";
import { NUMBER, percent } from "./panel";

interface Stat {
  label: string;
  value: string;
  note: string;
  tone?: "danger" | "success";
}

/** The headline numbers. Orphans (users without a profile) must be 0 and turn red otherwise. */
export function StatCards({ totals }: { totals: Totals }) {
  const stats: Stat[] = [
    { label: "Users", value: NUMBER.format(totals.total_users), note: "accounts in Auth" },
    { label: "Profiles", value: NUMBER.format(totals.total_profiles), note: "rows in user_profiles" },
    totals.orphan_users > 0
      ? {
          label: "Orphans",
          value: NUMBER.format(totals.orphan_users),
          note: "users without a profile — run profiles:backfill",
          tone: "danger",
        }
      : { label: "Orphans", value: "0", note: "every user has a profile", tone: "success" },
    {
      label: "Complete profiles",
      value: NUMBER.format(totals.completed_profiles),
      note: `${percent(totals.completed_profiles, totals.total_profiles)}% of profiles`,
    },
    { label: "Average completion", value: `${totals.average_completion}%`, note: "across all profiles" },
  ];
  return (
    <section aria-label="Totals">
      <dl className="grid grid-cols-2 gap-3 sm:gap-4 lg:grid-cols-5">
        {stats.map((stat) => (
          <div
            key={stat.label}
            data-testid={`stat-${stat.label.toLowerCase().replace(/\s+/g, "-")}`}
            className={cn(
              "rounded-2xl border bg-white p-4 shadow-card sm:p-5",
              stat.tone === "danger" ? "border-danger-600 bg-danger-50" : "border-slate-200",
              stat.label === "Average completion" && "col-span-2 lg:col-span-1",
            )}
          >
            <dt className={cn("text-sm font-medium", stat.tone === "danger" ? "text-danger-700" : "text-ink-muted")}>
              {stat.label}
            </dt>
            <dd
              className={cn(
                "mt-1 text-3xl font-semibold tabular-nums tracking-tight",
                stat.tone === "danger" ? "text-danger-700" : stat.tone === "success" ? "text-success-700" : "text-ink",
              )}
            >
              {stat.value}
            </dd>
            <dd className={cn("mt-1 text-xs", stat.tone === "danger" ? "text-danger-700" : "text-ink-muted")}>
              {stat.note}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
