import { defineConfig, devices } from "@playwright/test";
import { CLOSED_NETWORK_ARGS, findChromium } from "./e2e/support/chromium";

/**
 * e2e runs against a production build of the app (its own dist dir and port, so it never disturbs
 * `npm run dev`), pointed at whatever Supabase the environment names — `npm run test:e2e` starts a
 * throwaway local stack and sets it.
 */
const PORT = Number(process.env.E2E_PORT ?? 3100);
// A run limited to some spec files runs a project's dependencies in full; the faults project's wait for
// the others only matters in a whole run, so a limited run drops it.
const limitedRun = process.argv.some((arg) => arg.endsWith(".spec.ts"));
const baseURL = `http://127.0.0.1:${PORT}`;
/** `npm test` builds the app once for the whole run; a lone `npm run test:e2e` builds its own. */
const prebuilt = process.env.TEST_APP_DIST;

export default defineConfig({
  testDir: "./e2e",
  testMatch: "**/*.spec.ts",
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 2,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      // Regexes on the full path: a glob like "faults/**" would also match a checkout named "faults".
      testIgnore: /\/e2e\/faults\//,
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: { executablePath: findChromium(), args: CLOSED_NETWORK_ARGS },
      },
    },
    {
      // Specs that stop the shared stack: after every other spec, one at a time.
      name: "faults",
      testMatch: /\/e2e\/faults\/.*\.spec\.ts$/,
      dependencies: limitedRun ? [] : ["chromium"],
      fullyParallel: false,
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: { executablePath: findChromium(), args: CLOSED_NETWORK_ARGS },
      },
    },
  ],
  webServer: {
    command: `${prebuilt ? "" : "npx next build && "}npx next start --hostname 127.0.0.1 --port ${PORT}`,
    url: baseURL,
    // The site URL is the e2e server itself: mail links come back here and cookies are not Secure over http.
    env: {
      NEXT_DIST_DIR: prebuilt ?? `.next-e2e-${PORT}`,
      NEXT_TELEMETRY_DISABLED: "1",
      NEXT_PUBLIC_SITE_URL: baseURL,
    },
    reuseExistingServer: false,
    // A cold production build on a busy 2-core machine can take minutes.
    timeout: 900_000,
    stdout: "ignore",
    stderr: "pipe",
  },
});
