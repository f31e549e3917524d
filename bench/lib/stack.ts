/**
 * The Supabase the benchmarks run against. By default the bench stack: the repository's local stack on
 * its own ports and state dir, with `bench/bench.config.toml` raising rate limits (through config, as
 * production would, never a code path). Started if it is not already answering and then stopped again;
 * one that was already running is left alone. `--stack env` instead takes SUPABASE_URL and friends from
 * the environment (the smoke test runs inside the test stack this way).
 */
import { spawn } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { LOCAL_PUBLISHABLE_KEY } from "../../supabase/local/keys";

export interface Stack {
  apiUrl: string;
  anonKey: string;
  serviceRoleKey: string;
  dbUrl: string;
  /** The stack's access log (every request it answered), when it writes one. */
  accessLog: string | null;
  /** Stops the stack if this run started it. */
  release(): Promise<void>;
}

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

export const BENCH_STACK_ENV = {
  SUPABASE_API_PORT: "62321",
  SUPABASE_DB_PORT: "62322",
  SUPABASE_INBUCKET_PORT: "62324",
  SUPABASE_LOCAL_DIR: "/tmp/bench-stack",
  SUPABASE_CONFIG_OVERLAY: path.join(REPO_ROOT, "bench", "bench.config.toml"),
  // Requests per save and Auth requests per render are counted from it.
  SUPABASE_ACCESS_LOG: "/tmp/bench-stack/access.log",
} as const;

function cli(args: string[], extraEnv: Record<string, string> = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn("npx", ["tsx", "supabase/local/cli.ts", ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, ...BENCH_STACK_ENV, ...extraEnv },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) =>
      code === 0 ? resolve(out) : reject(new Error(`supabase ${args.join(" ")} exited ${code}:\n${out}`)),
    );
  });
}

/** `status -o env` lines (`API_URL="http://…"`) → a map. */
export function parseEnvLines(text: string): Map<string, string> {
  const values = new Map<string, string>();
  for (const line of text.split("\n")) {
    const match = /^([A-Z_]+)=("?)(.*)\2\s*$/.exec(line.trim());
    if (match?.[1] && match[3] !== undefined) values.set(match[1], match[3]);
  }
  return values;
}

async function answers(apiUrl: string): Promise<boolean> {
  try {
    // The gateway wants an apikey even for health, as hosted does; the well-known local one will do.
    const res = await fetch(`${apiUrl}/auth/v1/health`, {
      headers: { apikey: LOCAL_PUBLISHABLE_KEY },
      signal: AbortSignal.timeout(2000),
    });
    return res.ok;
  } catch {
    return false;
  }
}

/** The bench stack's process, from its pid file: alive even when too busy to answer a health check. */
function stackProcessAlive(): boolean {
  const pidFile = path.join(BENCH_STACK_ENV.SUPABASE_LOCAL_DIR, "stack.pid");
  if (!existsSync(pidFile)) return false;
  const pid = Number(readFileSync(pidFile, "utf8").trim());
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function required(values: Map<string, string> | NodeJS.ProcessEnv, name: string, from: string): string {
  const value = values instanceof Map ? values.get(name) : values[name];
  if (!value) throw new Error(`${from} did not provide ${name}`);
  return value;
}

/**
 * `cpuProfDir`: the stack process (spawned by `start`, inheriting NODE_OPTIONS) writes a V8 CPU profile
 * there when it stops. Ignored when a stack is already running.
 */
export async function benchStack(log: (line: string) => void, cpuProfDir?: string): Promise<Stack> {
  const apiUrl = `http://127.0.0.1:${BENCH_STACK_ENV.SUPABASE_API_PORT}`;
  const running = stackProcessAlive() || (await answers(apiUrl));
  if (!running) {
    // A fresh data dir every run: same (empty) tables each time, and no cluster left over from an older
    // bootstrap of the stack. The dir is the bench's own, nobody else's data lives there.
    rmSync(BENCH_STACK_ENV.SUPABASE_LOCAL_DIR, { recursive: true, force: true });
    log(`starting a fresh bench stack on ${apiUrl} (state ${BENCH_STACK_ENV.SUPABASE_LOCAL_DIR})…`);
    const profiling: Record<string, string> = cpuProfDir
      ? { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${path.resolve(REPO_ROOT, cpuProfDir)}` }
      : {};
    if (cpuProfDir) log(`the stack process writes CPU profiles to ${cpuProfDir}`);
    await cli(["start"], profiling);
  } else {
    log(`reusing the bench stack already running on ${apiUrl}`);
  }
  const env = parseEnvLines(await cli(["status", "-o", "env"]));
  const source = "supabase:status -o env";
  return {
    apiUrl: required(env, "API_URL", source),
    anonKey: required(env, "ANON_KEY", source),
    serviceRoleKey: required(env, "SERVICE_ROLE_KEY", source),
    dbUrl: required(env, "DB_URL", source),
    // A stack that was already running may have been started without one.
    accessLog: existsSync(BENCH_STACK_ENV.SUPABASE_ACCESS_LOG) ? BENCH_STACK_ENV.SUPABASE_ACCESS_LOG : null,
    release: async () => {
      if (running) return;
      log("stopping the bench stack");
      await cli(["stop"]);
    },
  };
}

export function envStack(env: NodeJS.ProcessEnv = process.env): Stack {
  const source = "the environment (--stack env)";
  return {
    apiUrl: required(env, "SUPABASE_URL", source),
    anonKey: required(env, "SUPABASE_ANON_KEY", source),
    serviceRoleKey: required(env, "SUPABASE_SERVICE_ROLE_KEY", source),
    dbUrl: required(env, "SUPABASE_DB_URL", source),
    accessLog: env.SUPABASE_ACCESS_LOG ?? null,
    release: async () => {},
  };
}
