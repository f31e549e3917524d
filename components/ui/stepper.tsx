import Link from "next/link";
import { cn } from "@/lib/cn";

export type StepState = "done" | "skipped" | "current" | "todo";

export interface StepperItem {
  key: string;
  label: string;
  href: string;
  state: StepState;
}

/**
 * The wizard's step list: links to each step, the current one marked with aria-current="step";
 * answered steps get a ✓, skipped ones ("Skip for now": left for later) a dash. The caller provides the surrounding nav.
 */
export function Stepper({ items }: { items: StepperItem[] }) {
  return (
    <div>
      <ol className="flex flex-wrap gap-x-1 gap-y-2 text-xs sm:text-sm">
        {items.map((item, index) => (
          <li key={item.key} className="flex items-center gap-1">
            <Link
              href={item.href}
              aria-current={item.state === "current" ? "step" : undefined}
              className={cn(
                "inline-flex items-center gap-1.5 rounded-full px-2.5 py-1 font-medium transition-colors",
                item.state === "current" && "bg-brand-600 text-white",
                item.state === "done" && "bg-brand-50 text-brand-700 hover:bg-brand-100",
                item.state === "skipped" && "bg-slate-100 text-ink-muted hover:bg-slate-200",
                item.state === "todo" && "text-ink-muted hover:bg-slate-100",
              )}
            >
              <span
                aria-hidden
                className={cn(
                  "grid size-5 place-items-center rounded-full text-[0.7rem]",
                  item.state === "current" && "bg-white/20",
                  item.state === "done" && "bg-brand-600 text-white",
                  item.state === "skipped" && "border border-dashed border-slate-400",
                  item.state === "todo" && "border border-slate-300",
                )}
              >
                {item.state === "done" ? "✓" : item.state === "skipped" ? "–" : index + 1}
              </span>
              {item.label}
              {item.state === "done" && <span className="sr-only"> (done)</span>}
              {item.state === "skipped" && <span className="sr-only"> (left for later)</span>}
            </Link>
          </li>
        ))}
      </ol>
    </div>
  );
}
