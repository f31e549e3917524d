/**
 * `npm test`: every check. First the ones that need nothing running — format, lint, typecheck, unit —
 * side by side (each is mostly one process, and they fail fastest); then, against ONE throwaway local
 * stack, the production build (made once into TEST_APP_DIST, served by the bench smoke test and e2e),
 * integration (stack + conformance + SQL tests) and e2e (real Chromium), in that order. Stops at the
 * first failing phase and says which one it was; prints every phase's time at the end.
 */
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";

const CHECKS = ["format:check", "lint", "typecheck", "test:unit"] as const;
const STACK_PHASES = ["build", "test:integration", "test:e2e"] as const;
const TEST_APP_DIST = ".next-test";
const env = { ...process.env, TEST_APP_DIST, NEXT_DIST_DIR: TEST_APP_DIST, NEXT_TELEMETRY_DISABLED: "1" };

interface Outcome {
  name: string;
  code: number;
  seconds: number;
  /** CPU seconds of the phase and everything it waited for (Linux; null elsewhere). */
  cpu: number | null;
  output: string;
}

/**
 * CPU seconds of this process's finished children (user + system, from /proc/self/stat). Read when a
 * phase exits, the increase is that phase's CPU: on a shared 2-core machine the figure that says what a
 * phase costs, where wall time mostly says how busy the machine was.
 */
let childCpuSeen = 0;
function childCpuDelta(): number | null {
  try {
    const stat = readFileSync("/proc/self/stat", "utf8");
    // Fields after the command name start at the state (field 3); cutime and cstime are fields 16, 17.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const total = (Number(fields[13]) + Number(fields[14])) / 100; // USER_HZ = 100
    if (!Number.isFinite(total)) return null;
    const delta = total - childCpuSeen;
    childCpuSeen = total;
    return delta;
  } catch {
    return null;
  }
}

function commandOf(phase: string): string[] {
  return phase === "build" ? ["npx", "next", "build"] : ["npm", "run", "--silent", phase];
}

/** Runs one phase; `capture` buffers its output (for phases running side by side) instead of streaming it. */
function runPhase(name: string, command: string[], capture: boolean): Promise<Outcome> {
  const started = Date.now();
  const [file, ...args] = command as [string, ...string[]];
  const child = spawn(file, args, { env, stdio: capture ? ["ignore", "pipe", "pipe"] : "inherit" });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve) => {
    const done = (code: number) =>
      resolve({ name, code, seconds: (Date.now() - started) / 1000, cpu: childCpuDelta(), output });
    child.on("error", (error) => {
      output += `cannot run ${file}: ${error.message}\n`;
      done(127);
    });
    child.on("exit", (code, signal) => done(code ?? (signal ? 128 : 1)));
  });
}

function report(outcome: Outcome): void {
  const mark = outcome.code === 0 ? "✓" : "✗";
  console.log(`${mark} ${outcome.name} (${describe(outcome)})`);
}

function fail(outcome: Outcome, times: Outcome[]): never {
  console.error(`\n✗ npm test: "${outcome.name}" failed after ${outcome.seconds.toFixed(1)}s (exit ${outcome.code}).`);
  summary(times);
  process.exit(outcome.code || 1);
}

function describe(outcome: Outcome): string {
  const cpu = outcome.cpu === null ? "" : `, ${outcome.cpu.toFixed(1)}s CPU`;
  return `${outcome.seconds.toFixed(1)}s${cpu}`;
}

function summary(times: Outcome[]): void {
  console.log(`\nphase times: ${times.map((t) => `${t.name} ${describe(t)}`).join("; ")}`);
}

/** Inside the stack (`--in-stack`): build, integration and e2e, one after another, output streamed. */
async function stackPhases(): Promise<void> {
  const times: Outcome[] = [];
  for (const phase of STACK_PHASES) {
    console.log(`\n▶ ${phase === "build" ? "next build (once, for integration and e2e)" : `npm run ${phase}`}`);
    const outcome = await runPhase(phase, commandOf(phase), false);
    times.push(outcome);
    report(outcome);
    if (outcome.code !== 0) fail(outcome, times);
  }
  summary(times);
}

async function main(): Promise<void> {
  if (process.argv.includes("--in-stack")) return stackPhases();
  const began = Date.now();
  console.log(`▶ ${CHECKS.join(", ")} (side by side)`);
  const checks = await Promise.all(CHECKS.map((phase) => runPhase(phase, commandOf(phase), true)));
  for (const outcome of checks) {
    if (outcome.code !== 0 || outcome.name === "test:unit") process.stdout.write(outcome.output);
    report(outcome);
  }
  const failed = checks.find((outcome) => outcome.code !== 0);
  if (failed) fail(failed, checks);
  // One stack for the three: integration and e2e inherit its URLs, so their own with-test-stack
  // wrappers (npm run test:integration / test:e2e) start nothing.
  const rest = await runPhase(
    "stack phases",
    ["npx", "tsx", "scripts/with-test-stack.ts", "--", "npx", "tsx", "scripts/test.ts", "--in-stack"],
    false,
  );
  summary(checks);
  if (rest.code !== 0) {
    console.error(`\n✗ npm test failed (exit ${rest.code}) after ${((Date.now() - began) / 1000).toFixed(1)}s.`);
    process.exit(rest.code);
  }
  console.log(`\n✓ npm test: all phases passed in ${((Date.now() - began) / 1000).toFixed(1)}s`);
}

void main();
