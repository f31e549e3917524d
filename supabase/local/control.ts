/**
 * Starting and stopping the detached stack process (used by the CLI and by scripts/with-test-stack):
 * spawn `node --import tsx stack-main.ts` with its output in the state dir's log, wait until the API
 * answers, and on stop signal it and make sure its Postgres is gone too.
 */
import { spawn } from "node:child_process";
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { ConfigEnv, LocalConfig } from "./config";
import { allHealthy, checkHealth, formatHealth } from "./health";
import { clearStalePostmaster, dataDir, isAlive, postgresPaths, terminate } from "./postgres";
import { assertReachableByPostgres } from "./reachable";
import { clearRunFiles, logFile, pidFile, readReady, runningPid } from "./state";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function logTail(config: LocalConfig, lines = 40): string {
  const file = logFile(config);
  if (!existsSync(file)) return "";
  return readFileSync(file, "utf8").split("\n").slice(-lines).join("\n");
}

/** True when every service of the stack answers (the database with a query). */
export async function isHealthy(config: LocalConfig): Promise<boolean> {
  return allHealthy(await checkHealth(config));
}

/** A busy machine can miss one probe's deadline: unhealthy means unhealthy three times in a row. */
async function healthyOnSecondLook(config: LocalConfig): Promise<boolean> {
  for (let look = 0; look < 3; look += 1) {
    if (await isHealthy(config)) return true;
    await sleep(500);
  }
  return false;
}

/** Waits until the stack process with `pid` is ready and healthy; throws with the log tail otherwise. */
async function waitHealthy(config: LocalConfig, pid: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isAlive(pid))
      throw new Error(`the stack exited during startup. Log (${logFile(config)}):\n${logTail(config)}`);
    if (readReady(config)?.pid === pid && (await isHealthy(config))) return;
    await sleep(200);
  }
  const health = formatHealth(await checkHealth(config));
  throw new Error(`the stack did not become healthy within ${timeoutMs / 1000}s:\n${health}\nLog:\n${logTail(config)}`);
}

/** Keeps one previous log: a long-lived dev state dir must not grow without bound. */
function rotateLog(config: LocalConfig): void {
  const file = logFile(config);
  if (existsSync(file) && statSync(file).size > 5 * 1024 * 1024) renameSync(file, `${file}.1`);
}

/**
 * - "started": nothing was running, a stack was started;
 * - "running": a healthy stack was already running (nothing done);
 * - "repaired": a stack was running but unhealthy (its database down, say) and is healthy again.
 */
export type StartOutcome = "started" | "running" | "repaired";

/** How long a running but unhealthy stack gets to restart its Postgres before it is restarted whole. */
const REPAIR_WAIT_MS = 30_000;

/** Starts the stack if it is not running, repairs it if it is unhealthy (idempotent). */
export async function startStack(
  config: LocalConfig,
  env: ConfigEnv = process.env,
  timeoutMs = 60_000,
): Promise<StartOutcome> {
  mkdirSync(config.stateDir, { recursive: true });
  const release = await takeStartLock(config, timeoutMs);
  try {
    return await startLocked(config, env, timeoutMs);
  } finally {
    release();
  }
}

/**
 * Serialises concurrent starts of one state dir (`npm run dev` and a manual start, say): the second
 * waits, then finds the stack running. A lock left by a starter that died is taken over.
 */
async function takeStartLock(config: LocalConfig, timeoutMs: number): Promise<() => void> {
  const lock = path.join(config.stateDir, "start.lock");
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      writeFileSync(lock, String(process.pid), { flag: "wx" });
      return () => rmSync(lock, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const holder = Number(existsSync(lock) ? readFileSync(lock, "utf8") : NaN);
    if (!Number.isInteger(holder) || !isAlive(holder)) rmSync(lock, { force: true });
    else if (Date.now() > deadline) throw new Error(`another start (pid ${holder}) holds ${lock}`);
    else await sleep(200);
  }
}

async function startLocked(config: LocalConfig, env: ConfigEnv, timeoutMs: number): Promise<StartOutcome> {
  const existing = runningPid(config);
  let repairing = false;
  if (existing !== null) {
    const wasReady = readReady(config)?.pid === existing;
    if (wasReady && (await healthyOnSecondLook(config))) return "running";
    // Ready before, unhealthy now: ask its supervisor to restart Postgres at once. Not ready yet: it
    // is still starting, so it gets the full start timeout.
    if (wasReady) process.kill(existing, "SIGUSR2");
    try {
      await waitHealthy(config, existing, wasReady ? REPAIR_WAIT_MS : timeoutMs);
      return wasReady ? "repaired" : "running";
    } catch {
      // Still unhealthy (or wedged): restart the whole stack; the data survives (fsync on).
      await stopStack(config);
      repairing = true;
    }
  }
  // Said here, in the CLI, rather than as a spawn error at the end of the stack's log.
  assertReachableByPostgres(postgresPaths(config));
  clearRunFiles(config);
  rotateLog(config);
  const log = openSync(logFile(config), "a");
  const child = spawn(process.execPath, ["--import", "tsx", path.join(HERE, "stack-main.ts")], {
    cwd: config.rootDir,
    detached: true,
    stdio: ["ignore", log, log],
    env: { ...process.env, ...env, SUPABASE_LOCAL_DIR: config.stateDir },
  });
  closeSync(log);
  child.unref();
  if (child.pid === undefined) throw new Error("could not spawn the stack process");
  try {
    await waitHealthy(config, child.pid, timeoutMs);
  } catch (error) {
    await stopStack(config);
    throw error;
  }
  return repairing ? "repaired" : "started";
}

/** Stops the stack process and its Postgres; returns false when nothing was running. */
export async function stopStack(config: LocalConfig): Promise<boolean> {
  const pid = runningPid(config);
  let stopped = false;
  if (pid !== null) {
    await terminate(pid, 20_000).catch(() => undefined);
    stopped = true;
  }
  // A Postgres orphaned by a stack that died (kill -9) is stopped too.
  if (existsSync(dataDir(config))) await clearStalePostmaster(config);
  clearRunFiles(config);
  return stopped;
}

/** Deletes everything the stack stored: the database cluster and the captured mail. */
export function wipeState(config: LocalConfig): void {
  rmSync(dataDir(config), { recursive: true, force: true });
  rmSync(path.join(config.stateDir, "mail.jsonl"), { force: true });
  rmSync(pidFile(config), { force: true });
}
