/**
 * Files the stack keeps in its state dir, shared by the CLI and the stack process: the stack's pid,
 * its log, and a JSON note written once it is healthy (what `status` reads).
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { LocalConfig } from "./config";
import { isAlive } from "./postgres";

export const pidFile = (config: LocalConfig) => path.join(config.stateDir, "stack.pid");
export const logFile = (config: LocalConfig) => path.join(config.stateDir, "stack.log");
export const readyFile = (config: LocalConfig) => path.join(config.stateDir, "stack.json");

export interface ReadyNote {
  pid: number;
  apiPort: number;
  dbPort: number;
  inbucketPort: number;
  startedAt: string;
}

/** The pid of a live stack process for this state dir, else null (stale files are ignored). */
export function runningPid(config: LocalConfig): number | null {
  const file = pidFile(config);
  if (!existsSync(file)) return null;
  const pid = Number(readFileSync(file, "utf8").trim());
  return Number.isInteger(pid) && pid > 0 && isAlive(pid) && isStackProcess(pid) ? pid : null;
}

/** Guards against a recycled pid: the process must be our stack entry point. */
function isStackProcess(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("stack-main");
  } catch {
    // No /proc (macOS): trust the pid file.
    return true;
  }
}

export function readReady(config: LocalConfig): ReadyNote | null {
  const file = readyFile(config);
  if (!existsSync(file)) return null;
  try {
    return JSON.parse(readFileSync(file, "utf8")) as ReadyNote;
  } catch {
    return null;
  }
}

export function writeReady(config: LocalConfig, note: ReadyNote): void {
  writeFileSync(readyFile(config), JSON.stringify(note));
}

export function clearRunFiles(config: LocalConfig): void {
  rmSync(pidFile(config), { force: true });
  rmSync(readyFile(config), { force: true });
}
