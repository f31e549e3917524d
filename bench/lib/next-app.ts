/**
 * The app as users get it: a production build (`next build` into its own dist dir, with the bench
 * stack's URL and key inlined) served by `next start` on the bench port. Stopped with its whole process
 * group, since npx → next → workers is more than one process.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import path from "node:path";
import { REPO_ROOT, type Stack } from "./stack";

export interface NextApp {
  baseUrl: string;
  /** Process group of `next start` (for CPU accounting); undefined if it could not be spawned. */
  pgid: number | undefined;
  stop(): Promise<void>;
}

function appEnv(stack: Stack, distDir: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: "production",
    NEXT_DIST_DIR: distDir,
    NEXT_TELEMETRY_DISABLED: "1",
    NEXT_PUBLIC_SUPABASE_URL: stack.apiUrl,
    NEXT_PUBLIC_SUPABASE_ANON_KEY: stack.anonKey,
    SUPABASE_SERVICE_ROLE_KEY: stack.serviceRoleKey,
  };
}

export function buildApp(stack: Stack, distDir: string): void {
  const result = spawnSync("npx", ["next", "build"], { cwd: REPO_ROOT, env: appEnv(stack, distDir), encoding: "utf8" });
  if (result.status !== 0) {
    throw new Error(`next build failed (exit ${result.status}):\n${(result.stdout + result.stderr).slice(-3000)}`);
  }
}

async function waitForHttp(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited ${child.exitCode}`);
    try {
      await fetch(url, { signal: AbortSignal.timeout(2000), redirect: "manual" });
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  throw new Error(`next start did not answer on ${url} within ${timeoutMs} ms`);
}

/** `cpuProfDir`: the server's Node processes write V8 CPU profiles there when they stop. */
export async function startApp(stack: Stack, distDir: string, port: number, cpuProfDir?: string): Promise<NextApp> {
  const baseUrl = `http://127.0.0.1:${port}`;
  const profiling = cpuProfDir
    ? { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${path.resolve(REPO_ROOT, cpuProfDir, "next")}` }
    : {};
  const child = spawn("npx", ["next", "start", "--hostname", "127.0.0.1", "--port", String(port)], {
    cwd: REPO_ROOT,
    env: { ...appEnv(stack, distDir), ...profiling },
    stdio: ["ignore", "ignore", "pipe"],
    detached: true,
  });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  const stop = async () => {
    if (child.exitCode !== null || child.pid === undefined) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    process.kill(-child.pid, "SIGTERM");
    const timer = setTimeout(() => child.pid !== undefined && process.kill(-child.pid, "SIGKILL"), 5000);
    await exited;
    clearTimeout(timer);
  };
  try {
    await waitForHttp(baseUrl, child, 60_000);
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}\n${stderr}`);
  }
  return { baseUrl, pgid: child.pid, stop };
}
