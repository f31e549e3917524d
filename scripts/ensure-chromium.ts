/**
 * Makes sure the e2e tests have a Chromium. Playwright cannot download its own browser on a closed
 * network, so on Debian as root we install the distribution's `chromium` package; anywhere else we
 * stop with a message that says exactly what to install.
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { findChromium } from "../e2e/support/chromium.ts";

function isDebianRoot(): boolean {
  return existsSync("/etc/debian_version") && process.getuid?.() === 0;
}

function main(): void {
  const found = findChromium();
  if (found) {
    console.log(`chromium: ${found}`);
    return;
  }
  if (process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE) {
    fail(
      `PLAYWRIGHT_CHROMIUM_EXECUTABLE points at ${process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE}, which does not exist.`,
    );
  }
  if (!isDebianRoot()) {
    fail(
      "No Chromium found. Install one of: `npx playwright install chromium`, your distribution's chromium package " +
        "(Debian/Ubuntu: `sudo apt-get install -y chromium`), or set PLAYWRIGHT_CHROMIUM_EXECUTABLE to a Chrome/Chromium binary.",
    );
  }
  console.log("chromium: not found — installing Debian's chromium package (apt-get install -y chromium)…");
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit", env });
  execFileSync("apt-get", ["install", "-y", "-qq", "--no-install-recommends", "chromium"], { stdio: "inherit", env });
  const installed = findChromium();
  if (!installed) fail("apt-get finished but /usr/bin/chromium is still missing.");
  console.log(`chromium: ${installed}`);
}

function fail(message: string): never {
  console.error(`ensure-chromium: ${message}`);
  process.exit(1);
}

main();
