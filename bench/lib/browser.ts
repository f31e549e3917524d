/**
 * Chromium for the benchmarks: the same executable and closed-network flags as e2e
 * (e2e/support/chromium.ts), headless.
 */
import { chromium, type Browser } from "@playwright/test";
import { CLOSED_NETWORK_ARGS, findChromium } from "../../e2e/support/chromium";

export async function launchChromium(): Promise<Browser> {
  const executablePath = findChromium();
  if (!executablePath) {
    throw new Error("no Chromium found: set PLAYWRIGHT_CHROMIUM_EXECUTABLE or install the `chromium` package");
  }
  return chromium.launch({ executablePath, args: CLOSED_NETWORK_ARGS, headless: true });
}
