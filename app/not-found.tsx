import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { Card, CardDescription, CardTitle } from "@/components/ui/card";

export default function NotFound() {
  return (
    <main id="main" className="grid min-h-dvh place-items-center px-4">
      <Card className="max-w-md text-center">
        <p className="text-sm font-semibold text-brand-700">404</p>
        <CardTitle className="mt-2">Page not found</CardTitle>
        <CardDescription>The page you are looking for does not exist or has moved.</CardDescription>
        <Link href="/" className={buttonClasses("primary", "mt-6")}>
          Back to the home page
        </Link>
      </Card>
    </main>
  );
}
