/**
 * CPU time spent by each party of a measurement — the bench stack's Node process (all its threads,
 * bcrypt included), its Postgres (postmaster, live backends, and backends already exited), and this
 * load generator — read from /proc. Unlike throughput, CPU milliseconds per request barely move when
 * other work shares the machine, so they say what a request costs and what bounds it on idle cores.
 * Linux only; elsewhere (or for a stack started by someone else) nothing is reported.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { BENCH_STACK_ENV } from "./stack";

const TICK_MS = 10; // USER_HZ is 100 on Linux.

export interface CpuSample {
  stackMs: number;
  postgresMs: number;
  clientMs: number;
}

/** utime, stime, cutime, cstime in ms, and the parent pid, from /proc/<pid>/stat. */
function stat(pid: number): { self: number; children: number; ppid: number } | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name may contain spaces; fields after ")" are fixed.
    const fields = text
      .slice(text.lastIndexOf(")") + 2)
      .split(" ")
      .map(Number);
    const [ppid, utime, stime, cutime, cstime] = [fields[1], fields[11], fields[12], fields[13], fields[14]];
    return {
      ppid: ppid ?? 0,
      self: ((utime ?? 0) + (stime ?? 0)) * TICK_MS,
      children: ((cutime ?? 0) + (cstime ?? 0)) * TICK_MS,
    };
  } catch {
    return null;
  }
}

function pidFrom(file: string): number | null {
  if (!existsSync(file)) return null;
  const pid = Number(readFileSync(file, "utf8").split("\n")[0]);
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}

function postgresMs(postmaster: number): number {
  const root = stat(postmaster);
  if (!root) return 0;
  let total = root.self + root.children;
  for (const entry of readdirSync("/proc")) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    const child = stat(pid);
    if (child?.ppid === postmaster) total += child.self;
  }
  return total;
}

/** CPU ms of every live process in process group `pgid` (e.g. `next start` and its workers). */
export function groupCpuMs(pgid: number): number {
  let total = 0;
  for (const entry of readdirSync("/proc")) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    try {
      const text = readFileSync(`/proc/${pid}/stat`, "utf8");
      const fields = text
        .slice(text.lastIndexOf(")") + 2)
        .split(" ")
        .map(Number);
      if (fields[2] === pgid) total += ((fields[11] ?? 0) + (fields[12] ?? 0)) * TICK_MS;
    } catch {
      continue;
    }
  }
  return total;
}

/** A function that samples the three parties, or null when the bench stack's pids are unknown. */
export function cpuMeter(): (() => CpuSample) | null {
  const dir = BENCH_STACK_ENV.SUPABASE_LOCAL_DIR;
  const stackPid = pidFrom(path.join(dir, "stack.pid"));
  const postmaster = pidFrom(path.join(dir, "pgdata", "postmaster.pid"));
  if (process.platform !== "linux" || stackPid === null || postmaster === null) return null;
  return () => {
    const usage = process.cpuUsage();
    return {
      stackMs: stat(stackPid)?.self ?? 0,
      postgresMs: postgresMs(postmaster),
      clientMs: (usage.user + usage.system) / 1000,
    };
  };
}

/** "stack 1.2 + postgres 0.8 + client 0.3 ms CPU per request → ≈ 870 req/s on 2 idle cores". */
export function describeCost(before: CpuSample, after: CpuSample, requests: number): string {
  const per = (a: number, b: number) => (b - a) / Math.max(requests, 1);
  const stack = per(before.stackMs, after.stackMs);
  const pg = per(before.postgresMs, after.postgresMs);
  const client = per(before.clientMs, after.clientMs);
  const ceiling = 2000 / (stack + pg);
  return (
    `CPU per request: stack ${stack.toFixed(2)} + postgres ${pg.toFixed(2)} ms (load generator ${client.toFixed(2)} ms)` +
    ` → server-side ceiling ≈ ${Math.round(ceiling)} req/s on 2 idle cores`
  );
}

/** What measurements need to report their CPU cost: a meter (null = not available) and the log. */
export interface Probe {
  meter: (() => CpuSample) | null;
  log: (line: string) => void;
}

/** Runs one load phase and logs its CPU cost per completed request. */
export async function metered<T extends { ok: number }>(
  probe: Probe,
  label: string,
  work: () => Promise<T>,
): Promise<T> {
  const before = probe.meter?.();
  const result = await work();
  const after = probe.meter?.();
  if (before && after) probe.log(`${label}: ${describeCost(before, after, result.ok)}`);
  return result;
}
