import Link from "next/link";
import type { ReactNode } from "react";

/** The top bar shared by public pages; `actions` holds the right-hand links or account menu. */
export function SiteHeader({ actions }: { actions?: ReactNode }) {
  return (
    <header className="border-b border-slate-200 bg-white/80 backdrop-blur">
      <div className="mx-auto flex h-16 max-w-6xl items-center justify-between gap-2 px-4 sm:gap-4 sm:px-6">
        <Link href="/" className="flex shrink-0 items-center gap-2 text-lg font-semibold tracking-tight text-ink">
          <span
            aria-hidden
            className="grid size-8 place-items-center rounded-lg bg-brand-600 text-sm font-bold text-white"
          >
            A
          </span>
          Autoprofile
        </Link>
        <nav aria-label="Account" className="flex min-w-0 items-center gap-2">
          {actions}
        </nav>
      </div>
    </header>
  );
}
