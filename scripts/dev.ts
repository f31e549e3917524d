/**
 * `npm run dev`: when the app points at the local stack's default URL (env, .env.local or .env;
 * default http://127.0.0.1:54321), start the stack first (idempotent) and supply its URL and keys for
 * whatever the env files leave unset; then `next dev` on the port asked for (`--port`, `-p`, `PORT`; else 3000).
 * The stack keeps running afterwards, like `supabase start`; `npm run supabase:stop` ends it.
 */
import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { loadConfig, REPO_ROOT } from "../supabase/local/config";
import { startStack } from "../supabase/local/control";
import { stackValues } from "../supabase/local/status";
import { devArgs } from "./lib/dev-args";

/** Value of `name` in a dotenv file (KEY=value, optional quotes, # comments), or undefined. */
function dotenvValue(text: string, name: string): string | undefined {
  for (const line of text.split(/\r?\n/)) {
    const match = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)\s*$/.exec(line);
    if (!match || match[1] !== name) continue;
    const raw = (match[2] ?? "").trim();
    const quoted = /^(["'])(.*)\1$/.exec(raw);
    return quoted ? (quoted[2] ?? "") : raw.replace(/\s+#.*$/, "");
  }
  return undefined;
}

/** A variable's value from the environment, then .env.local, then .env (Next's precedence). */
function envValue(name: string): string | undefined {
  if (process.env[name]) return process.env[name];
  for (const file of [".env.local", ".env"]) {
    const full = path.join(REPO_ROOT, file);
    if (!existsSync(full)) continue;
    const value = dotenvValue(readFileSync(full, "utf8"), name);
    if (value) return value;
  }
  return undefined;
}

function isLocalStack(url: string, port: number): boolean {
  try {
    const parsed = new URL(url);
    return ["127.0.0.1", "localhost", "[::1]"].includes(parsed.hostname) && Number(parsed.port) === port;
  } catch {
    return false;
  }
}

async function main(): Promise<void> {
  const { port, rest } = devArgs(process.argv.slice(2), process.env);
  const config = loadConfig();
  const url = envValue("NEXT_PUBLIC_SUPABASE_URL") ?? "http://127.0.0.1:54321";
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (isLocalStack(url, config.api.port)) {
    console.log(`dev: ${url} is the local stack; starting it (npm run supabase:start)…`);
    const started = await startStack(config);
    console.log(`dev: local stack ${started === "running" ? "already running" : started}.`);
    // A fresh clone has no .env.local: hand Next the local stack's values for whatever is unset.
    const values = stackValues(config);
    const defaults: Record<string, string> = {
      NEXT_PUBLIC_SUPABASE_URL: values.API_URL,
      NEXT_PUBLIC_SUPABASE_ANON_KEY: values.ANON_KEY,
      SUPABASE_SERVICE_ROLE_KEY: values.SERVICE_ROLE_KEY,
      SUPABASE_SECRET_KEY: values.SECRET_KEY,
    };
    const supplied = Object.keys(defaults).filter((name) => !envValue(name));
    for (const name of supplied) env[name] = defaults[name];
    if (supplied.length > 0) console.log(`dev: no .env.local; using the local stack's ${supplied.join(", ")}`);
  } else {
    console.log(`dev: using Supabase at ${url}`);
  }
  const next = spawn(
    process.execPath,
    [path.join(REPO_ROOT, "node_modules", "next", "dist", "bin", "next"), "dev", "--port", String(port), ...rest],
    {
      cwd: REPO_ROOT,
      stdio: "inherit",
      env,
    },
  );
  const forward = (signal: NodeJS.Signals) => next.kill(signal);
  process.on("SIGINT", forward);
  process.on("SIGTERM", forward);
  next.on("exit", (code, signal) => process.exit(code ?? (signal ? 130 : 1)));
}

main().catch((error: unknown) => {
  console.error(`dev: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
