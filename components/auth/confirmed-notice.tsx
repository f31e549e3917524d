"use client";
/**
 * "Email confirmed" once, on arrival from the confirmation link (`?confirmed=1`). The marker is taken
 * out of the address bar straight away, so a reload or a shared URL does not say it again.
 */
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useEffect, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { CONFIRMED_PARAM } from "@/lib/auth/confirmed";

export function ConfirmedNotice() {
  const params = useSearchParams();
  const pathname = usePathname();
  const router = useRouter();
  const arrived = params.get(CONFIRMED_PARAM) === "1";
  // Kept after the marker leaves the URL: the notice stays up until the next navigation.
  const [shown] = useState(arrived);

  useEffect(() => {
    if (!arrived) return;
    const rest = new URLSearchParams(params);
    rest.delete(CONFIRMED_PARAM);
    const query = rest.toString();
    router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false });
  }, [arrived, params, pathname, router]);

  if (!shown) return null;
  return (
    <div className="mx-auto w-full max-w-5xl px-4 pt-6 sm:px-6">
      <Alert tone="success">Email confirmed — welcome to Autoprofile.</Alert>
    </div>
  );
}
