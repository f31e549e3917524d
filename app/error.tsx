"use client";

import { useEffect } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardDescription, CardTitle } from "@/components/ui/card";
import { UNAVAILABLE_DIGEST } from "@/lib/outage-digest";

/** Unexpected failures: a calm message and the digest that finds the server log line. */
export default function ErrorBoundary({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);

  if (error.digest === UNAVAILABLE_DIGEST) {
    return (
      <main id="main" className="grid min-h-dvh place-items-center px-4">
        <Card className="max-w-md text-center">
          <CardTitle>Briefly unavailable</CardTitle>
          <CardDescription>
            We cannot reach our servers right now. You are still signed in and nothing you saved is lost.
          </CardDescription>
          <Button className="mt-6" onClick={reset}>
            Try again
          </Button>
        </Card>
      </main>
    );
  }

  return (
    <main id="main" className="grid min-h-dvh place-items-center px-4">
      <Card className="max-w-md text-center">
        <CardTitle>Something went wrong</CardTitle>
        <CardDescription>
          We could not finish that. Nothing you saved before is lost.
          {error.digest && (
            <>
              {" "}
              Reference: <code className="font-mono">{error.digest}</code>.
            </>
          )}
        </CardDescription>
        <Button className="mt-6" onClick={reset}>
          Try again
        </Button>
      </Card>
    </main>
  );
}
