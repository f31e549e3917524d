"use client";
/**
 * On "Check your email": notices when the confirmation link was opened in another tab of this
 * browser (the session cookies then exist here too) and offers the way on. Asks /auth/status every
 * few seconds while the tab is visible, and at once when the person comes back to it; gives up after
 * an hour (the link's lifetime). A link opened on another device cannot reach this tab: "Sign in"
 * below covers that.
 */
import Link from "next/link";
import { useEffect, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { buttonClasses } from "@/components/ui/button";
import { CONFIRMED_LANDING } from "@/lib/auth/confirmed";

const INTERVAL_MS = 3_000;
const GIVE_UP_MS = 60 * 60_000;

async function signedIn(): Promise<boolean> {
  try {
    const response = await fetch("/auth/status", { cache: "no-store", credentials: "same-origin" });
    if (!response.ok) return false;
    const body = (await response.json()) as { signedIn?: unknown };
    return body.signedIn === true;
  } catch {
    return false;
  }
}

export function ConfirmationWatcher() {
  const [confirmed, setConfirmed] = useState(false);

  useEffect(() => {
    if (confirmed) return;
    const started = Date.now();
    let stopped = false;
    const check = async () => {
      if (stopped || document.visibilityState !== "visible") return;
      if (Date.now() - started > GIVE_UP_MS) return;
      if (await signedIn()) setConfirmed(true);
    };
    const timer = window.setInterval(check, INTERVAL_MS);
    document.addEventListener("visibilitychange", check);
    window.addEventListener("focus", check);
    return () => {
      stopped = true;
      window.clearInterval(timer);
      document.removeEventListener("visibilitychange", check);
      window.removeEventListener("focus", check);
    };
  }, [confirmed]);

  if (!confirmed) return null;
  return (
    <div className="space-y-3">
      <Alert tone="success">Your email is confirmed. You can continue here.</Alert>
      <Link href={CONFIRMED_LANDING} className={buttonClasses("primary", "w-full")}>
        Continue
      </Link>
    </div>
  );
}
