import { cn } from "@/lib/cn";

interface ProgressProps {
  /** 0–100. */
  value: number;
  /** The accessible name, e.g. "Profile completion". */
  label: string;
  /** Show the label and percentage above the bar. */
  showLabel?: boolean;
  className?: string;
}

/** A determinate progress bar exposed as role="progressbar" with its value for assistive technology. */
export function Progress({ value, label, showLabel = true, className }: ProgressProps) {
  const clamped = Math.max(0, Math.min(100, Math.round(value)));
  return (
    <div className={cn("space-y-1.5", className)}>
      {showLabel && (
        <div className="flex items-baseline justify-between text-sm" aria-hidden>
          <span className="font-medium text-ink">{label}</span>
          <span className="tabular-nums text-ink-muted">{clamped}%</span>
        </div>
      )}
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={clamped}
        aria-valuetext={`${clamped}%`}
        className="h-2 w-full overflow-hidden rounded-full bg-slate-200"
      >
        <div
          className={cn(
            "h-full rounded-full transition-[width] duration-500",
            clamped === 100 ? "bg-success-600" : "bg-brand-600",
          )}
          style={{ width: `${clamped}%` }}
        />
      </div>
    </div>
  );
}
