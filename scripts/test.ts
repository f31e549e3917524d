/**
 * `npm test`: every check, in the order that fails fastest — lint, typecheck, unit, integration
 * (local stack + conformance + SQL tests), e2e (real Chromium). Stops at the first failing step and
 * says which one it was. The production build the bench smoke test and e2e both serve is made once
 * (against the test stack's URL, which every test-stack run shares) into TEST_APP_DIST.
 */
import { spawnSync } from "node:child_process";

const STEPS = ["format:check", "lint", "typecheck", "test:unit", "build", "test:integration", "test:e2e"] as const;
const TEST_APP_DIST = ".next-test";
const BUILD = ["tsx", "scripts/with-test-stack.ts", "--", "npx", "next", "build"];
const env = { ...process.env, TEST_APP_DIST, NEXT_DIST_DIR: TEST_APP_DIST, NEXT_TELEMETRY_DISABLED: "1" };

for (const step of STEPS) {
  const started = Date.now();
  console.log(`\n▶ ${step === "build" ? "next build (once, for integration and e2e)" : `npm run ${step}`}`);
  const result =
    step === "build"
      ? spawnSync("npx", BUILD, { stdio: "inherit", env })
      : spawnSync("npm", ["run", "--silent", step], { stdio: "inherit", env });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status !== 0) {
    console.error(`\n✗ npm test: "${step}" failed after ${seconds}s (exit ${result.status ?? result.signal}).`);
    process.exit(result.status ?? 1);
  }
  console.log(`✓ ${step} (${seconds}s)`);
}
console.log("\n✓ npm test: all steps passed");
