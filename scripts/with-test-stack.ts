/**
 * `tsx scripts/with-test-stack.ts -- <command…>`: runs a command against a Supabase.
 * - SUPABASE_URL already set (hosted project, `supabase start`, a dev stack): just run the command.
 * - Otherwise: start a throwaway local stack (ports 55321/55322/55324, state dir `.supabase-test/`,
 *   fresh each run, overlay `supabase/local/test.config.toml`), export its URLs and keys, run the
 *   command, and stop the stack whatever happens. Exits with the command's code. Concurrent runs
 *   queue on a lock in the state dir.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { loadConfig, type LocalConfig } from "../supabase/local/config";
import { startStack, stopStack } from "../supabase/local/control";
import { isAlive } from "../supabase/local/postgres";
import { stackValues } from "../supabase/local/status";
import { TEST_ENV } from "./lib/test-stack-env";

function commandArgs(argv: string[]): string[] {
  const separator = argv.indexOf("--");
  return separator === -1 ? argv : argv.slice(separator + 1);
}

/** Runs the command with the given env; resolves with its exit code (128+n when killed by a signal). */
function run(command: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const [file, ...args] = command;
  if (!file) throw new Error("usage: with-test-stack.ts -- <command…>");
  const child = spawn(file, args, { stdio: "inherit", env });
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  process.on("SIGINT", forward);
  process.on("SIGTERM", forward);
  return new Promise((resolve) => {
    child.on("error", (error) => {
      console.error(`with-test-stack: cannot run ${file}: ${error.message}`);
      resolve(127);
    });
    child.on("exit", (code, signal) => {
      process.off("SIGINT", forward);
      process.off("SIGTERM", forward);
      resolve(code ?? (signal === "SIGINT" ? 130 : signal === "SIGTERM" ? 143 : 1));
    });
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Takes `<stateDir>/runner.lock` (atomic create). A concurrent run holding it is waited for (up to
 * 15 minutes); a lock left by a run that died is taken over. Then whatever a crashed run left behind is
 * stopped and the state dir emptied (except the lock).
 */
async function claimStateDir(config: LocalConfig): Promise<() => void> {
  mkdirSync(config.stateDir, { recursive: true });
  const lock = path.join(config.stateDir, "runner.lock");
  const deadline = Date.now() + 15 * 60_000;
  let announced = 0;
  for (;;) {
    try {
      writeFileSync(lock, String(process.pid), { flag: "wx" });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const holder = Number(existsSync(lock) ? readFileSync(lock, "utf8") : NaN);
    if (!Number.isInteger(holder) || !isAlive(holder)) {
      rmSync(lock, { force: true });
      continue;
    }
    if (Date.now() > deadline) throw new Error(`another test run (pid ${holder}) still holds ${lock}`);
    if (Date.now() - announced > 30_000) {
      console.log(`with-test-stack: waiting for another test run (pid ${holder}) to finish…`);
      announced = Date.now();
    }
    await sleep(1_000);
  }
  await stopStack(config);
  for (const entry of readdirSync(config.stateDir)) {
    if (entry !== "runner.lock") rmSync(path.join(config.stateDir, entry), { recursive: true, force: true });
  }
  return () => rmSync(lock, { force: true });
}

async function main(): Promise<number> {
  const command = commandArgs(process.argv.slice(2));
  if (process.env.SUPABASE_URL) return run(command, process.env);

  const config = loadConfig({ ...process.env, ...TEST_ENV });
  const release = await claimStateDir(config);
  let stopping: Promise<unknown> | null = null;
  const stop = () =>
    (stopping ??= stopStack(config).catch((error: unknown) =>
      console.error(`with-test-stack: stop: ${String(error)}`),
    ));
  // A signal during startup must still stop what was started.
  const onSignal = (signal: NodeJS.Signals) =>
    void stop().then(() => {
      release();
      process.exit(signal === "SIGINT" ? 130 : 143);
    });
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  try {
    const began = Date.now();
    await startStack(config, TEST_ENV);
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
    console.log(
      `with-test-stack: local stack healthy on :${config.api.port} in ${((Date.now() - began) / 1000).toFixed(1)}s`,
    );
    const values = stackValues(config);
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      SUPABASE_URL: values.API_URL,
      SUPABASE_ANON_KEY: values.ANON_KEY,
      SUPABASE_SERVICE_ROLE_KEY: values.SERVICE_ROLE_KEY,
      SUPABASE_PUBLISHABLE_KEY: values.PUBLISHABLE_KEY,
      SUPABASE_SECRET_KEY: values.SECRET_KEY,
      SUPABASE_JWT_SECRET: values.JWT_SECRET,
      SUPABASE_DB_URL: values.DB_URL,
      INBUCKET_URL: values.INBUCKET_URL,
      SUPABASE_ACCESS_LOG: TEST_ENV.SUPABASE_ACCESS_LOG,
      NEXT_PUBLIC_SUPABASE_URL: values.API_URL,
      NEXT_PUBLIC_SUPABASE_ANON_KEY: values.ANON_KEY,
    };
    return await run(command, env);
  } finally {
    await stop();
    release();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`with-test-stack: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
