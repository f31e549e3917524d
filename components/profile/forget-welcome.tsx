"use client";

/** The welcome after "Finish" is shown once: `?welcome=1` leaves the address as soon as it is seen. */
import { useEffect } from "react";

export function ForgetWelcome() {
  useEffect(() => {
    const url = new URL(window.location.href);
    if (!url.searchParams.has("welcome")) return;
    url.searchParams.delete("welcome");
    window.history.replaceState(window.history.state, "", `${url.pathname}${url.search}${url.hash}`);
  }, []);
  return null;
}
