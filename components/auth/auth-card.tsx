import type { ReactNode } from "react";
import { Card, CardDescription, CardTitle } from "@/components/ui/card";

/** The centred card every auth page uses: one heading, a short description, the form, links below. */
export function AuthCard({
  title,
  description,
  children,
  footer,
}: {
  title: string;
  description?: ReactNode;
  children: ReactNode;
  footer?: ReactNode;
}) {
  return (
    // overflow-wrap is inherited: an address the page repeats wraps instead of running out of the card on phones.
    <main id="main" className="mx-auto w-full max-w-md px-4 py-10 [overflow-wrap:anywhere] sm:py-16">
      <Card>
        <CardTitle>{title}</CardTitle>
        {description && <CardDescription className="mt-2 text-base">{description}</CardDescription>}
        <div className="mt-6">{children}</div>
      </Card>
      {footer && <div className="mt-6 space-y-2 text-center text-sm text-ink-muted">{footer}</div>}
    </main>
  );
}

/** An inline text link in auth copy. */
export const textLinkClass = "font-semibold text-brand-700 underline-offset-4 hover:underline";
