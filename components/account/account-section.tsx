import type { ReactNode } from "react";
import { cn } from "@/lib/cn";

/** One titled block of the account page; `tone="danger"` for irreversible actions. */
export function AccountSection({
  id,
  title,
  description,
  tone = "default",
  children,
}: {
  id: string;
  title: string;
  description: ReactNode;
  tone?: "default" | "danger";
  children: ReactNode;
}) {
  return (
    <section
      aria-labelledby={`${id}-title`}
      className={cn(
        "grid gap-6 rounded-2xl border bg-white p-6 shadow-card sm:p-8 md:grid-cols-[minmax(0,1fr)_minmax(0,1.4fr)]",
        tone === "danger" ? "border-danger-600/30" : "border-slate-200",
      )}
    >
      <div>
        <h2
          id={`${id}-title`}
          className={cn("text-lg font-semibold", tone === "danger" ? "text-danger-700" : "text-ink")}
        >
          {title}
        </h2>
        <div className="mt-1 space-y-2 text-sm text-ink-muted">{description}</div>
      </div>
      <div>{children}</div>
    </section>
  );
}
