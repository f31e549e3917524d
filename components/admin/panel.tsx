import type { ReactNode } from "react";
import { cn } from "@/lib/cn";

/** A titled dashboard panel; the title names the region for assistive technology. */
export function Panel({
  id,
  title,
  description,
  className,
  children,
}: {
  id: string;
  title: string;
  description?: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <section
      aria-labelledby={`${id}-title`}
      className={cn("min-w-0 rounded-2xl border border-slate-200 bg-white p-5 shadow-card sm:p-6", className)}
    >
      <h2 id={`${id}-title`} className="text-base font-semibold text-ink">
        {title}
      </h2>
      {description && <p className="mt-0.5 text-sm text-ink-muted">{description}</p>}
      <div className="mt-4">{children}</div>
    </section>
  );
}

/** The data behind a chart as a table, folded away for sighted readers but always in the page. */
export function DataTable({ caption, head, rows }: { caption: string; head: string[]; rows: (string | number)[][] }) {
  return (
    <details className="mt-3 text-sm">
      <summary className="cursor-pointer font-medium text-brand-700 hover:underline">Show as table</summary>
      {/* Focusable so keyboard users can scroll a long table (axe: scrollable-region-focusable). */}
      <div
        tabIndex={0}
        role="group"
        aria-label={caption}
        className="mt-2 max-h-72 overflow-auto rounded-lg border border-slate-200"
      >
        <table className="w-full text-left">
          <caption className="sr-only">{caption}</caption>
          <thead className="bg-slate-50 text-ink-muted">
            <tr>
              {head.map((cell) => (
                <th key={cell} scope="col" className="px-3 py-2 font-medium">
                  {cell}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((row) => (
              <tr key={String(row[0])}>
                {row.map((cell, index) =>
                  index === 0 ? (
                    <th key={index} scope="row" className="px-3 py-1.5 font-normal text-ink">
                      {cell}
                    </th>
                  ) : (
                    <td key={index} className="px-3 py-1.5 tabular-nums text-ink">
                      {cell}
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}

export const percent = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 1000) / 10);
export const NUMBER = new Intl.NumberFormat("en-US");
