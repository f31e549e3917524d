/**
 * Which Chromium the tests drive. Order: PLAYWRIGHT_CHROMIUM_EXECUTABLE, Playwright's own download
 * (when `npx playwright install` could run), the system's /usr/bin/chromium. Pure lookup — installing
 * is scripts/ensure-chromium.ts's job.
 */
import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";

export const SYSTEM_CHROMIUM = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

/** Flags a closed network needs: no background fetches, updates, sync or first-run UI. */
export const CLOSED_NETWORK_ARGS = [
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-default-apps",
  "--disable-domain-reliability",
  "--no-first-run",
  "--no-default-browser-check",
  "--disable-quic",
  "--metrics-recording-only",
];

export function findChromium(): string | undefined {
  const fromEnv = process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : undefined;
  let bundled: string | undefined;
  try {
    bundled = chromium.executablePath();
  } catch {
    bundled = undefined;
  }
  if (bundled && existsSync(bundled)) return bundled;
  return SYSTEM_CHROMIUM.find((path) => existsSync(path));
}
