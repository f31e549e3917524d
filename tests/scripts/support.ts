/**
 * Helpers for the operations-script tests: run a script the way `npm run` does (tsx, the stack's env
 * inherited), a unique email domain per test file, and direct database access for assertions and
 * fast cleanup (deleting auth users cascades to their profiles and history).
 */
import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createClient, type SupabaseClient } from "@supabase/supabase-js";
import pg from "pg";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const TSX = path.join(ROOT, "node_modules", ".bin", "tsx");

export interface ScriptRun {
  code: number;
  stdout: string;
  stderr: string;
}

function need(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run through npm run test:integration or export the stack's env`);
  return value;
}

/** `npm run <name> -- ...args` without npm: tsx scripts/<file>.ts, exit code and output captured. */
export function runScript(
  file: string,
  args: string[] = [],
  env: Record<string, string> = {},
  timeoutMs = 120_000,
): Promise<ScriptRun> {
  return new Promise((resolve) => {
    execFile(
      TSX,
      [path.join(ROOT, "scripts", file), ...args],
      { cwd: ROOT, env: { ...process.env, ...env }, timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

export function adminClient(): SupabaseClient {
  return createClient(need("SUPABASE_URL"), need("SUPABASE_SERVICE_ROLE_KEY"), {
    auth: { persistSession: false, autoRefreshToken: false },
  });
}

export function dbPool(): pg.Pool {
  return new pg.Pool({ connectionString: need("SUPABASE_DB_URL"), max: 4 });
}

/** A domain only this test file uses, so assertions and cleanup never touch anyone else's users. */
export function testDomain(label: string): string {
  return `ops-${label}-${randomUUID().slice(0, 8)}.test`;
}

export async function deleteDomainUsers(pool: pg.Pool, domain: string): Promise<void> {
  await pool.query("delete from auth.users where email like $1", [`%@${domain}`]);
}

export async function countDomainUsers(pool: pg.Pool, domain: string): Promise<number> {
  const { rows } = await pool.query<{ n: string }>("select count(*) as n from auth.users where email like $1", [
    `%@${domain}`,
  ]);
  return Number(rows[0]?.n ?? 0);
}

/** Writes `content` to a fresh temp file and returns its path. */
export function tempFile(name: string, content: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), "ops-test-"));
  const file = path.join(dir, name);
  writeFileSync(file, content);
  return file;
}

export function profileOf(pool: pg.Pool, email: string) {
  return pool
    .query<Record<string, unknown>>(
      `select p.* from public.user_profiles p join auth.users u on u.id = p.user_id where u.email = $1`,
      [email],
    )
    .then((result) => result.rows[0] ?? null);
}
