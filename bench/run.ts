/**
 * `npm run bench`: measures the signup → profile → wizard path against its floors and targets
 * and prints one table; `--json` also writes bench/results/latest.json. Starts what it needs (the bench
 * stack, a production build of the app) and stops what it started, also on Ctrl-C. A measurement that
 * fails is reported and leaves its figures out; the run then exits 1.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { cpuMeter, type Probe } from "./lib/cpu";
import { buildApp, startApp, type NextApp } from "./lib/next-app";
import { benchStack, envStack, REPO_ROOT, type Stack } from "./lib/stack";
import { deleteRunUsers, signedInUser } from "./lib/users";
import { measureAuthLatency } from "./measure/auth-latency";
import { measureBcrypt } from "./measure/bcrypt";
import { measureDirect } from "./measure/direct-pg";
import { measureFirstLoad } from "./measure/first-load";
import { measureImport } from "./measure/import";
import { measureAuthPerRender } from "./measure/render";
import { measureRest } from "./measure/rest";
import { measureSignupThroughput, measureStorm } from "./measure/signup-load";
import { measureWizardStep } from "./measure/wizard";
import { parseOptions, type Measurement, type Options } from "./options";
import { RESULT_KEYS, type BenchResults } from "./results";
import { renderTable, tableRows } from "./table";

const log = (line: string) => console.error(`bench: ${line}`);

type Results = Partial<BenchResults>;

/** 1-minute load average at the end of each measurement (other people's work skews every figure). */
const loads: Partial<Record<Measurement, number>> = {};
const load1 = () => Math.round((os.loadavg()[0] ?? 0) * 100) / 100;

async function step(name: Measurement, options: Options, failures: string[], work: () => Promise<void>) {
  if (!options.only.includes(name)) return;
  log(`${name}…`);
  const started = performance.now();
  try {
    await work();
    loads[name] = load1();
    log(`${name} done in ${((performance.now() - started) / 1000).toFixed(1)} s (load ${loads[name]})`);
  } catch (error) {
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    failures.push(`${name}: ${message}`);
    log(`${name} FAILED: ${message}`);
  }
}

async function measureAll(options: Options, stack: Stack, results: Results, failures: string[], apps: NextApp[]) {
  // CPU cost per request, only for the bench stack (whose pids we know).
  const probe: Probe = { meter: options.stack === "bench" ? cpuMeter() : null, log };
  await step("auth", options, failures, async () => {
    Object.assign(results, await measureAuthLatency(stack, options.authN, probe));
    if (results.signup_p50_ms !== undefined && results.bcrypt_hash_ms !== undefined) {
      results.signup_overhead_ratio = results.signup_p50_ms / results.bcrypt_hash_ms;
    }
  });
  await step("signup-load", options, failures, async () => {
    results.signups_per_s = await measureSignupThroughput(stack, options.loadN, options.loadConcurrency, probe);
    const { storm, errors } = await measureStorm(stack, options.stormN, probe);
    results.storm = storm;
    if (errors.length > 0) log(`storm errors: ${errors.join(" | ")}`);
  });
  await step("rest", options, failures, async () => {
    const sessions = [];
    for (let i = 0; i < options.restConcurrency; i++) sessions.push(await signedInUser(stack, "rest", i));
    const rest = await measureRest(stack, sessions, options.restDurationMs, probe);
    const direct = await measureDirect(stack, sessions, options.restDurationMs, probe);
    Object.assign(results, {
      rest_get_rps: rest.get.rps,
      rest_get_p99_ms: rest.get.p99_ms,
      rest_patch_rps: rest.patch.rps,
      rest_patch_p99_ms: rest.patch.p99_ms,
      direct_get_rps: direct.getRps,
      direct_patch_rps: direct.patchRps,
      rest_get_overhead_ratio: direct.getRps / rest.get.rps,
      rest_patch_overhead_ratio: direct.patchRps / rest.patch.rps,
    });
  });
  await step("import", options, failures, async () => {
    results.import_rows_per_s = await measureImport(stack, options.importN, log);
  });
  if (!["wizard", "render", "first-load"].some((name) => options.only.includes(name as Measurement))) return;
  let app: NextApp | undefined;
  try {
    if (options.noBuild) {
      log(`reusing the app built in ${options.distDir}`);
    } else {
      log(`building the app into ${options.distDir}…`);
      buildApp(stack, options.distDir);
    }
    app = await startApp(stack, options.distDir, options.nextPort, options.cpuProf);
    apps.push(app);
  } catch (error) {
    failures.push(`next app: ${(error as Error).message}`);
    log(`next app FAILED: ${(error as Error).message}`);
    return;
  }
  const { baseUrl } = app;
  const started = app;
  await step("wizard", options, failures, async () => {
    const wizard = await measureWizardStep(stack, started, options.wizardN, probe);
    results.wizard_step_p95_ms = wizard.p95Ms;
    results.wizard_requests_per_save = wizard.requestsPerSave;
    results.wizard_next_cpu_ms_per_save = wizard.nextCpuMsPerSave;
  });
  await step("render", options, failures, async () => {
    results.auth_requests_per_render = await measureAuthPerRender(stack, baseUrl, options.renderN, log);
  });
  await step("first-load", options, failures, async () => {
    const { kb, errors } = await measureFirstLoad(stack, baseUrl, log);
    results.first_load_js_kb = kb;
    if (errors.length > 0) throw new Error(errors.join("; "));
  });
}

async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2));
  const loadAtStart = os.loadavg()[0]?.toFixed(2);
  const results: Results = {
    machine: { cores: os.cpus().length, cpu_model: os.cpus()[0]?.model.trim() ?? "unknown", node: process.version },
  };
  const failures: string[] = [];
  await step("bcrypt", options, failures, async () => {
    const { wallMs, cpuMs } = measureBcrypt(options.bcryptSamples);
    results.bcrypt_hash_ms = wallMs;
    log(`bcrypt cost 10: ${wallMs.toFixed(1)} ms wall, ${cpuMs.toFixed(1)} ms CPU (median)`);
  });

  const apps: NextApp[] = [];
  let stack: Stack | undefined;
  const cleanup = async () => {
    for (const app of apps.splice(0)) await app.stop().catch((e: Error) => log(`stopping next: ${e.message}`));
    if (!stack) return;
    const current = stack;
    stack = undefined;
    await deleteRunUsers(current).catch((e: Error) => log(`deleting bench users: ${e.message}`));
    await current.release().catch((e: Error) => log(`stopping the stack: ${e.message}`));
  };
  const onSignal = (signal: NodeJS.Signals) => {
    log(`${signal}: cleaning up`);
    void cleanup().finally(() => process.exit(130));
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);

  const needsStack = options.only.some((name) => name !== "bcrypt");
  try {
    if (needsStack) {
      stack = options.stack === "env" ? envStack() : await benchStack(log, options.cpuProf);
      await measureAll(options, stack, results, failures, apps);
    }
  } finally {
    await cleanup();
  }
  results.load_1m = loads;
  results.at = new Date().toISOString();

  const m = results.machine;
  console.log(`\nAutoprofile bench — ${results.at} — ${m?.cores} × ${m?.cpu_model}, Node ${m?.node}`);
  // Other work on the machine skews every figure; say how busy it was (1-minute load, start → end).
  console.log(`load average ${loadAtStart} → ${os.loadavg()[0]?.toFixed(2)} on ${m?.cores} cores`);
  if (options.quick) console.log("(--quick: tiny N, the figures below are not meaningful)");
  console.log(renderTable(tableRows(results)));
  const perStep = Object.entries(loads).map(([name, load]) => `${name} ${load}`);
  console.log(`load average at the end of each measurement: ${perStep.join(", ")}`);
  if (options.json) {
    const out = path.resolve(REPO_ROOT, options.out);
    mkdirSync(path.dirname(out), { recursive: true });
    // RESULT_KEYS order; a figure that could not be measured is NaN in memory and null in JSON.
    const ordered = Object.fromEntries(RESULT_KEYS.filter((key) => key in results).map((key) => [key, results[key]]));
    writeFileSync(out, `${JSON.stringify(ordered, null, 2)}\n`);
    log(`wrote ${path.relative(REPO_ROOT, out)}`);
  }
  if (failures.length > 0) {
    console.error(`\n${failures.length} measurement(s) failed:\n- ${failures.join("\n- ")}`);
    return 1;
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  },
);
