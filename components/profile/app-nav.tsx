"use client";

/** The signed-in sections, with the current one marked for assistive technology. */
import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/lib/cn";

const ONBOARDING_LINK = { href: "/onboarding", label: "Onboarding" } as const;
const LINKS = [
  { href: "/profile", label: "Profile" },
  { href: "/account", label: "Account" },
] as const;
const ADMIN_LINK = { href: "/admin", label: "Admin" } as const;

const isUnder = (pathname: string, href: string) => pathname === href || pathname.startsWith(`${href}/`);

/**
 * `showOnboarding` is false once the profile is complete: the profile page is then the way to change
 * answers. The tab stays while the person is inside the wizard, so the current page is always marked.
 * `showAdmin` only decides whether the link is shown; /admin checks the role again itself.
 */
export function AppNav({
  showAdmin = false,
  showOnboarding = true,
}: {
  showAdmin?: boolean;
  showOnboarding?: boolean;
}) {
  const pathname = usePathname();
  const links = [
    ...(showOnboarding || isUnder(pathname, ONBOARDING_LINK.href) ? [ONBOARDING_LINK] : []),
    ...LINKS,
    ...(showAdmin ? [ADMIN_LINK] : []),
  ];
  return (
    <nav aria-label="Sections" className="border-b border-slate-200 bg-white">
      <ul className="mx-auto flex max-w-6xl gap-1 overflow-x-auto px-4 sm:px-6">
        {links.map((link) => {
          const current = isUnder(pathname, link.href);
          return (
            <li key={link.href}>
              <Link
                href={link.href}
                aria-current={current ? "page" : undefined}
                className={cn(
                  "inline-block border-b-2 px-3 py-3 text-sm font-medium",
                  current ? "border-brand-600 text-brand-700" : "border-transparent text-ink-muted hover:text-ink",
                )}
              >
                {link.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
