import type { Totals } from "@/lib/admin/dashboard";
import { cn } from "@/lib/cn";
import { NUMBER, percent } from "./panel";

interface Stat {
  /** Stable test id, independent of the wording. */
  id: string;
  label: string;
  value: string;
  note: string;
  tone?: "danger" | "success";
}

/**
 * The headline numbers. Accounts without a profile must be 0 (the sign-up trigger creates one) and the
 * card turns red otherwise, with the command that repairs it.
 */
export function StatCards({ totals }: { totals: Totals }) {
  const stats: Stat[] = [
    { id: "users", label: "Accounts", value: NUMBER.format(totals.total_users), note: "everyone who signed up" },
    {
      id: "profiles",
      label: "Profiles",
      value: NUMBER.format(totals.total_profiles),
      note: "one per account, made at sign-up",
    },
    totals.orphan_users > 0
      ? {
          id: "orphans",
          label: "Without a profile",
          value: NUMBER.format(totals.orphan_users),
          note: "accounts missing their profile — run npm run profiles:backfill",
          tone: "danger",
        }
      : {
          id: "orphans",
          label: "Without a profile",
          value: "0",
          note: "every account has its profile",
          tone: "success",
        },
    {
      id: "complete-profiles",
      label: "Required done",
      value: NUMBER.format(totals.completed_profiles),
      note: `${percent(totals.completed_profiles, totals.total_profiles)}% of profiles have every required answer`,
    },
    {
      id: "average-completion",
      label: "Average completion",
      value: `${totals.average_completion}%`,
      note: "across all profiles",
    },
  ];
  return (
    <section aria-label="Totals">
      <dl className="grid grid-cols-2 gap-3 sm:gap-4 lg:grid-cols-5">
        {stats.map((stat) => (
          <div
            key={stat.id}
            data-testid={`stat-${stat.id}`}
            className={cn(
              "rounded-2xl border bg-white p-4 shadow-card sm:p-5",
              stat.tone === "danger" ? "border-danger-600 bg-danger-50" : "border-slate-200",
              stat.id === "average-completion" && "col-span-2 lg:col-span-1",
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
