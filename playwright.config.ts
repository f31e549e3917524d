import { defineConfig, devices } from "@playwright/test";
import { CLOSED_NETWORK_ARGS, findChromium } from "./e2e/support/chromium";

/**
 * e2e runs against a production build of the app (its own dist dir and port, so it never disturbs
 * `npm run dev`), pointed at whatever Supabase the environment names — `npm run test:e2e` starts a
 * throwaway local stack and sets it.
 */
const PORT = Number(process.env.E2E_PORT ?? 3100);
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
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: { executablePath: findChromium(), args: CLOSED_NETWORK_ARGS },
      },
    },
  ],
  webServer: {
    command: `${prebuilt ? "" : "npx next build && "}npx next start --hostname 127.0.0.1 --port ${PORT}`,
    url: baseURL,
    env: { NEXT_DIST_DIR: prebuilt ?? `.next-e2e-${PORT}`, NEXT_TELEMETRY_DISABLED: "1" },
    reuseExistingServer: false,
    // A cold production build on a busy 2-core machine can take minutes.
    timeout: 900_000,
    stdout: "ignore",
    stderr: "pipe",
  },
});
