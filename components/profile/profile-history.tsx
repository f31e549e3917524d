/** "History": the person's answers as they changed, newest first, from the database's audit trail. */
import {
  EDUCATION_LEVEL_LABELS,
  EXPERIENCE_LEVEL_LABELS,
  FIELD_LABELS,
  WORK_ARRANGEMENT_LABELS,
  type EditableColumn,
} from "@/lib/profiles/fields";
import type { HistoryEntry } from "@/lib/profiles/queries";

const VALUE_LABELS: Partial<Record<EditableColumn, Record<string, string>>> = {
  experience_level: EXPERIENCE_LEVEL_LABELS,
  education_level: EDUCATION_LEVEL_LABELS,
  work_arrangement_preference: WORK_ARRANGEMENT_LABELS,
};

function show(field: EditableColumn, value: unknown): string {
  if (value === null || value === undefined) return "empty";
  if (Array.isArray(value)) return value.length > 0 ? value.join(", ") : "empty";
  if (typeof value === "string") return VALUE_LABELS[field]?.[value] ?? value;
  return String(value);
}

const DATE = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export function ProfileHistory({ entries }: { entries: HistoryEntry[] }) {
  return (
    <section
      aria-labelledby="history-title"
      className="rounded-2xl border border-slate-200 bg-white p-5 shadow-card sm:p-6"
    >
      <h2 id="history-title" className="mb-3 text-lg font-semibold text-ink">
        History
      </h2>
      {entries.length === 0 ? (
        <p className="text-sm text-ink-muted">No changes yet. Your edits will appear here.</p>
      ) : (
        <ol className="space-y-3">
          {entries.map((entry) => (
            <li key={entry.id} className="border-l-2 border-brand-200 pl-3">
              <p className="text-sm text-ink">
                <span className="font-medium">{FIELD_LABELS[entry.field]}</span>: {show(entry.field, entry.oldValue)} →{" "}
                <span className="font-medium">{show(entry.field, entry.newValue)}</span>
              </p>
              <p className="text-xs text-ink-muted">
                <time dateTime={entry.changedAt}>{DATE.format(new Date(entry.changedAt))} UTC</time>
                {!entry.bySelf && " · by an administrator"}
              </p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
