/**
 * `npm run supabase:start|stop|status|reset` — the Supabase CLI's local commands for the Docker-free
 * stack. Ports and the state dir come from supabase/config.toml and the SUPABASE_* env overrides.
 */
import { loadConfig, type LocalConfig } from "./config";
import { startStack, stopStack, wipeState } from "./control";
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

async function start(config: LocalConfig): Promise<void> {
  const began = Date.now();
  const started = await startStack(config);
  if (started) {
    console.log(`Started supabase local development setup in ${((Date.now() - began) / 1000).toFixed(1)}s.\n`);
  } else {
    console.log("supabase local development setup is already running.\n");
  }
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
      printStatus(config, outputFormat(rest));
      return 0;
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
