/**
 * `npm run test:upstream -- <postgrest-js|auth-js> --supabase-js <checkout>`: runs the Supabase team's
 * own client suite against this local stack and prints what passed, what failed, and which failures are
 * features the stack leaves out on purpose. Their code stays in the checkout (clone
 * github.com/supabase/supabase-js anywhere outside this repository); nothing of it is copied here.
 *
 * The suites expect `supabase start`'s ports (API 54321, database 54322): when anything else listens
 * there, run `install` first, then the suite in a network namespace of its own.
 */
import { spawn } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { loadConfig } from "../supabase/local/config";
import { LOCAL_ANON_KEY } from "../supabase/local/keys";
import { runStack } from "../supabase/local/server";
import { type CommandSpec, parseCommand, runMain, UsageError } from "./lib/cli";
import { startApikeyProxy } from "./lib/upstream/apikey-proxy";
import { installTooling, linkTooling } from "./lib/upstream/deps";
import { printSummary, summarize } from "./lib/upstream/summary";
import { SUITES } from "./lib/upstream/suites";

const options = {
  "supabase-js": { type: "string" },
  work: { type: "string" },
  verbose: { type: "boolean" },
} as const;

const SUITE_PORT = 54321;
const STACK_PORT = 55521;

const spec: CommandSpec<typeof options> = {
  name: "test:upstream",
  summary: "run postgrest-js's or auth-js's own test suite against the local stack",
  positionals: "<postgrest-js|auth-js|install>",
  options,
  help: [
    { flag: "--supabase-js DIR", description: "a checkout of github.com/supabase/supabase-js (required)" },
    { flag: "--work DIR", description: "tooling, stack state and reports (default: <checkout>/../upstream-work)" },
    { flag: "--verbose", description: "print the stack's log" },
  ],
  examples: [
    "git clone https://github.com/supabase/supabase-js /tmp/supabase-js",
    "npm run test:upstream -- install --supabase-js /tmp/supabase-js",
    "npm run test:upstream -- postgrest-js --supabase-js /tmp/supabase-js",
    "npm run test:upstream -- auth-js --supabase-js /tmp/supabase-js -- -t 'signInAnonymously'",
  ],
  details:
    "`install` fetches the suites' test tooling from the npm registry (run it where the network is reachable);\n" +
    "a suite run installs it too when it is missing. Arguments after a second `--` go to their jest. Exit code 0 when every failure is out of scope.\n" +
    "Every folder above the work folder must be traversable by the postgres user (chmod 755).",
};

/** Folders the embedded Postgres (running as postgres) must be able to enter. */
function makeTraversable(dir: string): void {
  mkdirSync(dir, { recursive: true });
  chmodSync(dir, 0o755);
}

function runJest(packagePath: string, args: string[]): Promise<number> {
  const child = spawn(path.join(packagePath, "node_modules/.bin/jest"), args, { cwd: packagePath, stdio: "inherit" });
  return new Promise((resolve) => child.on("exit", (code) => resolve(code ?? 1)));
}

async function main(): Promise<number> {
  const separator = process.argv.indexOf("--", 2);
  const ours = separator === -1 ? process.argv.slice(2) : process.argv.slice(2, separator);
  const theirs = separator === -1 ? [] : process.argv.slice(separator + 1);
  const { values, positionals } = parseCommand(spec, ours);
  if (!values["supabase-js"]) throw new UsageError("--supabase-js <checkout> is required");
  const checkout = path.resolve(values["supabase-js"]);
  const work = path.resolve(values.work ?? path.join(checkout, "..", "upstream-work"));
  makeTraversable(work);
  if (positionals[0] === "install" && positionals.length === 1) {
    const modules = installTooling(work, console.log);
    for (const each of SUITES) linkTooling(path.join(checkout, each.packageDir), modules);
    return 0;
  }
  const suite = SUITES.find((candidate) => candidate.name === positionals[0]);
  if (!suite || positionals.length !== 1) {
    throw new UsageError(`name one suite (${SUITES.map((each) => each.name).join(" or ")}) or install`);
  }
  const packagePath = path.join(checkout, suite.packageDir);
  if (!existsSync(packagePath))
    throw new UsageError(`${packagePath} does not exist: is ${checkout} a supabase-js checkout?`);

  linkTooling(packagePath, installTooling(work, console.log));
  const root = path.join(work, `${suite.name}-root`);
  const state = path.join(work, `${suite.name}-state`);
  for (const dir of [root, state]) rmSync(dir, { recursive: true, force: true });
  makeTraversable(root);
  makeTraversable(state);
  suite.prepareRoot(packagePath, root);
  for (const dir of ["supabase", "supabase/migrations"]) {
    if (existsSync(path.join(root, dir))) chmodSync(path.join(root, dir), 0o755);
  }

  const config = loadConfig(
    {
      ...process.env,
      SUPABASE_CONFIG_OVERLAY: undefined,
      SUPABASE_LOCAL_DIR: state,
      SUPABASE_API_PORT: String(STACK_PORT),
      SUPABASE_DB_PORT: "54322",
      SUPABASE_INBUCKET_PORT: "55524",
    },
    root,
  );
  console.log(`Starting the stack on ${root} (their config.toml, migrations and seed) …`);
  const stack = await runStack(config, (line) => {
    if (values.verbose || /error|fail/i.test(line)) console.error(line);
  });
  const proxy = await startApikeyProxy(SUITE_PORT, STACK_PORT, LOCAL_ANON_KEY);
  const reportPath = path.join(work, `${suite.name}.json`);
  try {
    await runJest(packagePath, [...suite.jestArgs, "--json", `--outputFile=${reportPath}`, ...theirs]);
  } finally {
    proxy.close();
    await stack.close();
  }
  const summary = summarize(reportPath, suite.outOfScope);
  console.log("");
  printSummary(suite.name, summary, console.log);
  console.log(`\nReport: ${reportPath}`);
  const inScope = summary.failures.filter((failure) => !failure.outOfScope).length;
  return inScope === 0 && summary.brokenFiles.length === 0 ? 0 : 1;
}

runMain("test:upstream", main);
