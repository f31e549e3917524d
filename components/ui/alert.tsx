import type { ReactNode } from "react";
import { cn } from "@/lib/cn";

/** A form-level message. Errors are announced immediately; notices politely. */
export function Alert({ tone = "error", children }: { tone?: "error" | "success" | "info"; children: ReactNode }) {
  return (
    <div
      role={tone === "error" ? "alert" : "status"}
      className={cn(
        "rounded-lg border px-4 py-3 text-sm",
        tone === "error" && "border-danger-600/30 bg-danger-50 text-danger-700",
        tone === "success" && "border-success-600/30 bg-success-50 text-success-700",
        tone === "info" && "border-brand-200 bg-brand-50 text-brand-900",
      )}
    >
      {children}
    </div>
  );
}
