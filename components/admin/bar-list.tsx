/**
 * Horizontal bars as an HTML table: each row is a label, a bar and the numbers in words, so the
 * table itself is the text alternative (the bars are decoration, hidden from assistive technology).
 */
import { cn } from "@/lib/cn";

export interface BarRow {
  key: string;
  label: string;
  /** 0–100: the bar's length. */
  percent: number;
  /** The numbers as text, e.g. "31 of 50 (62%)". */
  text: string;
  emphasis?: boolean;
}

export function BarList({
  caption,
  labelHeader,
  valueHeader,
  rows,
}: {
  caption: string;
  labelHeader: string;
  valueHeader: string;
  rows: BarRow[];
}) {
  return (
    <table className="w-full text-sm">
      <caption className="sr-only">{caption}</caption>
      <thead className="sr-only">
        <tr>
          <th scope="col">{labelHeader}</th>
          <th scope="col">{valueHeader}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key} className="align-middle">
            <th scope="row" className="w-2/5 py-1.5 pr-3 text-left font-normal text-ink sm:w-1/3">
              {row.label}
            </th>
            <td className="py-1.5">
              <div className="flex items-center gap-3">
                <div aria-hidden className="h-3 flex-1 overflow-hidden rounded-full bg-slate-100">
                  <div
                    className={cn("h-full rounded-full", row.emphasis ? "bg-success-600" : "bg-brand-500")}
                    style={{ width: `${Math.max(0, Math.min(100, row.percent))}%` }}
                  />
                </div>
                <span className="w-28 shrink-0 text-right tabular-nums text-ink-muted sm:w-32">{row.text}</span>
              </div>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
