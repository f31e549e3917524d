import Link from "next/link";
import { Landing } from "@/components/site/landing";
import { SiteHeader } from "@/components/site/site-header";
import { buttonClasses } from "@/components/ui/button";

export default function HomePage() {
  return (
    <>
      <SiteHeader
        actions={
          <>
            <Link href="/login" className={buttonClasses("ghost")}>
              Sign in
            </Link>
            <Link href="/signup" className={buttonClasses("primary")}>
              Sign up
            </Link>
          </>
        }
      />
      <Landing />
    </>
  );
}
