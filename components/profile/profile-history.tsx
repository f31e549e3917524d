/**
 * "History": one entry per save, newest first, listing what the person changed in the words the
 * profile uses. Collapsed by default — it is a record to look up, not the page's content.
 */
import { FIELD_LABELS } from "@/lib/profiles/fields";
import type { FieldChange, SaveSummary } from "./history-changes";

const DATE = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

function Change({ change }: { change: FieldChange }) {
  const label = <span className="font-medium">{FIELD_LABELS[change.field]}</span>;
  if (change.to === null) {
    return (
      <>
        {label}: removed <span className="text-ink-muted">(was {change.from})</span>
      </>
    );
  }
  return (
    <>
      {label}: {change.from !== null && <>{change.from} → </>}
      <span className="font-medium">{change.to}</span>
    </>
  );
}

export function ProfileHistory({ saves }: { saves: SaveSummary[] }) {
  return (
    <section
      aria-labelledby="history-title"
      className="rounded-2xl border border-slate-200 bg-white p-5 shadow-card [overflow-wrap:anywhere] sm:p-6"
    >
      <h2 id="history-title" className="text-lg font-semibold text-ink">
        History
      </h2>
      {saves.length === 0 ? (
        <p className="mt-3 text-sm text-ink-muted">No changes yet. Your edits will appear here.</p>
      ) : (
        <details className="group mt-2">
          <summary className="cursor-pointer text-sm font-semibold text-brand-700 hover:underline">
            {saves.length === 1 ? "Show 1 save" : `Show ${saves.length} saves`}
          </summary>
          <ol className="mt-3 space-y-4">
            {saves.map((save) => (
              <li key={`${save.changedAt}-${save.bySelf}`} className="border-l-2 border-brand-200 pl-3">
                <p className="text-xs text-ink-muted">
                  <time dateTime={save.changedAt}>{DATE.format(new Date(save.changedAt))} UTC</time>
                  {!save.bySelf && " · by an administrator"}
                </p>
                <ul className="mt-1 space-y-1">
                  {save.changes.map((change) => (
                    <li key={change.field} className="text-sm text-ink">
                      <Change change={change} />
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ol>
        </details>
      )}
    </section>
  );
}
