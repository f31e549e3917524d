import type { InputHTMLAttributes, Ref } from "react";
import { cn } from "@/lib/cn";

export interface InputProps extends InputHTMLAttributes<HTMLInputElement> {
  ref?: Ref<HTMLInputElement>;
}

export function Input({ className, ref, ...props }: InputProps) {
  return (
    <input
      ref={ref}
      className={cn(
        "block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm text-ink shadow-sm",
        "placeholder:text-ink-subtle focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-200",
        "aria-[invalid=true]:border-danger-600 aria-[invalid=true]:focus:ring-danger-50",
        "disabled:bg-slate-100",
        className,
      )}
      {...props}
    />
  );
}
