/**
 * `npm run profiles:import` at volume: 10,000 CSV rows (an account and profile answers each) into the
 * bench stack, then a dry-run re-run that must skip every one of them. The figure is rows per second
 * for the import; the re-run and the database counts check it really did the work. (The test suite
 * runs the same script on a small file; the volume lives here.)
 */
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { Stack } from "../lib/stack";
import { RUN_ID } from "../lib/users";
import { REPO_ROOT } from "../lib/stack";

function runImport(stack: Stack, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      path.join(REPO_ROOT, "node_modules", ".bin", "tsx"),
      [path.join(REPO_ROOT, "scripts", "profiles-import.ts"), ...args],
      {
        cwd: REPO_ROOT,
        env: {
          ...process.env,
          SUPABASE_URL: stack.apiUrl,
          SUPABASE_ANON_KEY: stack.anonKey,
          SUPABASE_SERVICE_ROLE_KEY: stack.serviceRoleKey,
          SUPABASE_DB_URL: stack.dbUrl,
        },
        timeout: 30 * 60_000,
        maxBuffer: 64 * 1024 * 1024,
      },
      (error, stdout, stderr) =>
        error ? reject(new Error(`${error.message}\n${stdout.slice(-2000)}${stderr}`)) : resolve(stdout),
    );
  });
}

async function importedCount(stack: Stack, pattern: string): Promise<number> {
  const client = new pg.Client({ connectionString: stack.dbUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>(
      `select count(*)::int as n from auth.users u join public.user_profiles p on p.user_id = u.id
       where u.email like $1 and p.profile_completed`,
      [pattern],
    );
    return rows[0]?.n ?? 0;
  } finally {
    await client.end();
  }
}

/** Rows imported per second (bench users: the run's cleanup deletes them). */
export async function measureImport(stack: Stack, n: number, log: (line: string) => void): Promise<number> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "bench-import-"));
  try {
    const prefix = `bench-${RUN_ID}-import-`;
    const rows = Array.from(
      { length: n },
      (_, i) => `${prefix}${i}@example.com,${i % 40},${["entry", "mid", "senior"][i % 3]},masters`,
    );
    const file = path.join(dir, "bulk.csv");
    writeFileSync(file, `email,years_of_experience,experience_level,education_level\n${rows.join("\n")}\n`);
    const started = performance.now();
    const out = await runImport(stack, [file]);
    const seconds = (performance.now() - started) / 1000;
    if (!out.includes(`PASS  created ${n}, skipped 0 (already exist), rejected 0`)) {
      throw new Error(`import did not create every row:\n${out.slice(-2000)}`);
    }
    const complete = await importedCount(stack, `${prefix}%`);
    if (complete !== n) throw new Error(`import: ${complete} of ${n} users have a completed profile`);
    const again = await runImport(stack, [file, "--dry-run"]);
    if (!again.includes(`PASS  would create 0, skipped ${n} (already exist), rejected 0`)) {
      throw new Error(`re-run did not skip every row:\n${again.slice(-2000)}`);
    }
    log(`import: ${n} rows in ${seconds.toFixed(1)} s (script start-up included)`);
    return n / seconds;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
