import { buttonClasses } from "@/components/ui/button";

/** Sign-out is a POST (a GET link could be triggered by any page or prefetch). Works without JS. */
export function SignOutButton({ className }: { className?: string }) {
  return (
    <form action="/auth/sign-out" method="post" className={className}>
      <button type="submit" className={buttonClasses("secondary", "whitespace-nowrap")}>
        Sign out
      </button>
    </form>
  );
}
