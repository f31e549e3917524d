/**
 * `npm run dev`: when the app points at the local stack's default URL (env, .env.local or .env;
 * default http://127.0.0.1:54321), start the stack first (idempotent), then `next dev` on port 3000.
 * The stack keeps running afterwards, like `supabase start`; `npm run supabase:stop` ends it.
 */
import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { loadConfig, REPO_ROOT } from "../supabase/local/config";
import { startStack } from "../supabase/local/control";

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

function supabaseUrl(): string {
  if (process.env.NEXT_PUBLIC_SUPABASE_URL) return process.env.NEXT_PUBLIC_SUPABASE_URL;
  for (const name of [".env.local", ".env"]) {
    const file = path.join(REPO_ROOT, name);
    if (!existsSync(file)) continue;
    const value = dotenvValue(readFileSync(file, "utf8"), "NEXT_PUBLIC_SUPABASE_URL");
    if (value) return value;
  }
  return "http://127.0.0.1:54321";
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
  const config = loadConfig();
  const url = supabaseUrl();
  if (isLocalStack(url, config.api.port)) {
    console.log(`dev: ${url} is the local stack; starting it (npm run supabase:start)…`);
    const started = await startStack(config);
    console.log(started ? "dev: local stack started." : "dev: local stack already running.");
  } else {
    console.log(`dev: using Supabase at ${url}`);
  }
  const next = spawn(
    process.execPath,
    [path.join(REPO_ROOT, "node_modules", "next", "dist", "bin", "next"), "dev", "--port", "3000"],
    {
      cwd: REPO_ROOT,
      stdio: "inherit",
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
