/**
 * `npm run supabase:start|stop|status|reset` — the Supabase CLI's local commands for the Docker-free
 * stack. Ports and the state dir come from supabase/config.toml and the SUPABASE_* env overrides.
 */
import { loadConfig, type LocalConfig } from "./config";
import { startStack, stopStack, wipeState } from "./control";
import { allHealthy, checkHealth, formatHealth } from "./health";
import { readReady, runningPid } from "./state";
import { formatEnv, formatTable, outputFormat, stackValues } from "./status";

const USAGE = "usage: cli.ts start | stop | status [-o env] | reset";

/** The ports the running stack actually uses (it may have been started with other env overrides). */
function asRunning(config: LocalConfig): LocalConfig {
  const note = readReady(config);
  if (!note) return config;
  return {
    ...config,
    api: { ...config.api, port: note.apiPort },
    db: { ...config.db, port: note.dbPort },
    inbucket: { port: note.inbucketPort },
  };
}

function printStatus(config: LocalConfig, format: string): void {
  const values = stackValues(asRunning(config));
  if (format === "env") process.stdout.write(`${formatEnv(values)}\n`);
  else if (format === "json") process.stdout.write(`${JSON.stringify(values, null, 2)}\n`);
  else process.stdout.write(`${formatTable(values)}\n`);
}

/** Prints the values and, for people, each service's health; exit 1 when any service is down. */
async function status(config: LocalConfig, format: string): Promise<number> {
  printStatus(config, format);
  const health = await checkHealth(asRunning(config));
  if (format === "pretty") console.log(`\n${formatHealth(health)}`);
  if (allHealthy(health)) return 0;
  console.error("The stack is unhealthy; `npm run supabase:start` repairs it.");
  return 1;
}

async function start(config: LocalConfig): Promise<void> {
  const began = Date.now();
  const outcome = await startStack(config);
  const took = `${((Date.now() - began) / 1000).toFixed(1)}s`;
  if (outcome === "started") console.log(`Started supabase local development setup in ${took}.\n`);
  else if (outcome === "repaired")
    console.log(`supabase local development setup was unhealthy; repaired in ${took}.\n`);
  else console.log("supabase local development setup is already running.\n");
  printStatus(config, "pretty");
}

async function reset(config: LocalConfig): Promise<void> {
  const wasRunning = runningPid(config) !== null;
  await stopStack(config);
  wipeState(config);
  console.log("Resetting local database...");
  // Starting a wiped cluster re-runs bootstrap, migrations and seed; errors surface with the log.
  await startStack(config);
  if (!wasRunning) await stopStack(config);
  console.log(`Finished supabase db reset${wasRunning ? "; the stack is running" : ""}.`);
}

async function main(args: string[]): Promise<number> {
  const [command, ...rest] = args;
  const config = loadConfig();
  switch (command) {
    case "start":
      await start(config);
      return 0;
    case "stop":
      console.log(
        (await stopStack(config))
          ? "Stopped supabase local development setup."
          : "supabase local development setup is not running.",
      );
      return 0;
    case "status":
      if (runningPid(config) === null) {
        console.error(`supabase local development setup is not running (state dir ${config.stateDir}).`);
        return 1;
      }
      return status(config, outputFormat(rest));
    case "reset":
      await reset(config);
      return 0;
    default:
      console.error(USAGE);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
