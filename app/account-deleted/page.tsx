import type { Metadata } from "next";
import Link from "next/link";
import { SiteHeader } from "@/components/site/site-header";
import { buttonClasses } from "@/components/ui/button";
import { Card, CardDescription, CardTitle } from "@/components/ui/card";

export const metadata: Metadata = { title: "Account deleted" };

export default function AccountDeletedPage() {
  return (
    <>
      <SiteHeader />
      <main id="main" className="grid place-items-center px-4 py-16 sm:py-24">
        <Card className="max-w-md text-center">
          <div
            aria-hidden
            className="mx-auto grid size-12 place-items-center rounded-full bg-success-50 text-success-700"
          >
            <svg viewBox="0 0 20 20" className="size-6 fill-current">
              <path d="M16.7 5.3a1 1 0 0 1 0 1.4l-8 8a1 1 0 0 1-1.4 0l-4-4a1 1 0 1 1 1.4-1.4L8 12.58l7.3-7.3a1 1 0 0 1 1.4 0Z" />
            </svg>
          </div>
          <CardTitle className="mt-4">Your account has been deleted</CardTitle>
          <CardDescription className="mt-2">
            Your account, your profile and its history are gone, and you have been signed out. Thank you for trying
            Autoprofile.
          </CardDescription>
          <Link href="/" className={buttonClasses("secondary", "mt-6")}>
            Back to the home page
          </Link>
        </Card>
      </main>
    </>
  );
}
