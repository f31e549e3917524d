"use client";

/**
 * Moves focus to an element when it mounts — the step's heading after each step change — so a
 * keyboard or screen-reader user continues from the new content instead of the top of the page.
 */
import { useEffect } from "react";

export function FocusOnArrival({ targetId }: { targetId: string }) {
  useEffect(() => {
    document.getElementById(targetId)?.focus({ preventScroll: false });
  }, [targetId]);
  return null;
}
