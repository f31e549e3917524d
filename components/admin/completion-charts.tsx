/** How complete profiles are (histogram) and when they became complete (per day). */
import type { CompletionBucket, DayCount } from "@/lib/admin/dashboard";
import { ColumnChart } from "./column-chart";
import { DataTable, NUMBER, Panel } from "./panel";

const bucketLabel = (bucket: CompletionBucket) =>
  bucket.bucket_from === bucket.bucket_to ? `${bucket.bucket_from}%` : `${bucket.bucket_from}–${bucket.bucket_to}%`;

const profiles = (n: number) => `${NUMBER.format(n)} ${n === 1 ? "profile" : "profiles"}`;

/** "5 profiles; 2 at 100%. The largest group is 60–69% (3 profiles)." — the group only when it adds something. */
export function histogramSummary(total: number, complete: number, busiest: CompletionBucket | undefined): string {
  if (total === 0) return "No profiles yet.";
  const head = `${profiles(total)}; ${NUMBER.format(complete)} at 100%.`;
  if (!busiest || busiest.bucket_from === 100 || busiest.profiles <= complete) return head;
  return `${head} The largest group is ${bucketLabel(busiest)} (${profiles(busiest.profiles)}).`;
}

export function CompletionHistogram({ buckets }: { buckets: CompletionBucket[] }) {
  const total = buckets.reduce((sum, bucket) => sum + bucket.profiles, 0);
  const complete = buckets.find((bucket) => bucket.bucket_from === 100)?.profiles ?? 0;
  const busiest = buckets.reduce<CompletionBucket | undefined>(
    (best, bucket) => (!best || bucket.profiles > best.profiles ? bucket : best),
    undefined,
  );
  const summary = histogramSummary(total, complete, busiest);
  return (
    <Panel id="distribution" title="Completion distribution" description="Profiles by completion percentage">
      <ColumnChart
        id="distribution-chart"
        title="Profiles by completion percentage"
        summary={summary}
        columns={buckets.map((bucket) => ({
          key: String(bucket.bucket_from),
          label: bucket.bucket_from % 20 === 0 ? String(bucket.bucket_from) : "",
          value: bucket.profiles,
        }))}
      />
      <p className="mt-1 text-sm text-ink-muted">{summary}</p>
      <DataTable
        caption="Profiles by completion percentage"
        head={["Completion", "Profiles"]}
        rows={buckets.map((bucket) => [bucketLabel(bucket), bucket.profiles])}
      />
    </Panel>
  );
}

const DAY = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", timeZone: "UTC" });
const dayLabel = (day: string) => DAY.format(new Date(`${day}T00:00:00Z`));

export function CompletionsPerDay({ days }: { days: DayCount[] }) {
  const total = days.reduce((sum, day) => sum + day.completions, 0);
  const best = days.reduce<DayCount | undefined>(
    (top, day) => (!top || day.completions > top.completions ? day : top),
    undefined,
  );
  const summary =
    total === 0
      ? `No profile was completed in the last ${days.length} days.`
      : `${NUMBER.format(total)} profiles completed in the last ${days.length} days; the busiest day was ${best ? dayLabel(best.day) : "?"} with ${best?.completions ?? 0}.`;
  return (
    <Panel id="per-day" title="Completions per day" description={`Last ${days.length} days (UTC)`}>
      <ColumnChart
        id="per-day-chart"
        title={`Profiles completed per day, last ${days.length} days`}
        summary={summary}
        columns={days.map((day, index) => ({
          key: day.day,
          // Every 7th day counted back from today, so the newest day is always labelled.
          label: (days.length - 1 - index) % 7 === 0 ? dayLabel(day.day) : "",
          value: day.completions,
        }))}
      />
      <p className="mt-1 text-sm text-ink-muted">{summary}</p>
      <DataTable
        caption="Profiles completed per day"
        head={["Day", "Completions"]}
        rows={[...days].reverse().map((day) => [dayLabel(day.day), day.completions])}
      />
    </Panel>
  );
}
