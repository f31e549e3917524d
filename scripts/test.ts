/**
 * `npm test`: every check, in the order that fails fastest — lint, typecheck, unit, integration
 * (local stack + conformance + SQL tests), e2e (real Chromium). Stops at the first failing step and
 * says which one it was.
 */
import { spawnSync } from "node:child_process";

const STEPS = ["format:check", "lint", "typecheck", "test:unit", "test:integration", "test:e2e"] as const;

for (const step of STEPS) {
  const started = Date.now();
  console.log(`\n▶ npm run ${step}`);
  const result = spawnSync("npm", ["run", "--silent", step], { stdio: "inherit" });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status !== 0) {
    console.error(`\n✗ npm test: "${step}" failed after ${seconds}s (exit ${result.status ?? result.signal}).`);
    process.exit(result.status ?? 1);
  }
  console.log(`✓ ${step} (${seconds}s)`);
}
console.log("\n✓ npm test: all steps passed");
