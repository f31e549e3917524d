/**
 * Brings a database's migrations up to date the way `supabase db push` does: the history table
 * `supabase_migrations.schema_migrations` (created here if the database has none yet, with the CLI's
 * columns), each `supabase/migrations/<version>_<name>.sql` once, in version order, in its own
 * transaction. A session advisory lock keeps two concurrent runs from applying the same file twice.
 */
import type pg from "pg";
import { applyMigrations, listMigrations } from "../../supabase/local/db/migrations";

// Any constant works; it only has to be the same for every db:setup run.
const LOCK_KEY = 7_318_245_001;

export interface MigrationOutcome {
  applied: string[];
  alreadyApplied: string[];
  /** Versions recorded in the database that this checkout does not have (applied from elsewhere). */
  unknown: string[];
}

async function ensureHistoryTable(client: pg.ClientBase): Promise<void> {
  await client.query("create schema if not exists supabase_migrations");
  await client.query("create table if not exists supabase_migrations.schema_migrations (version text primary key)");
  await client.query("alter table supabase_migrations.schema_migrations add column if not exists statements text[]");
  await client.query("alter table supabase_migrations.schema_migrations add column if not exists name text");
}

export async function migrate(
  client: pg.ClientBase,
  rootDir: string,
  log: (line: string) => void,
): Promise<MigrationOutcome> {
  await client.query("select pg_advisory_lock($1)", [LOCK_KEY]);
  try {
    await ensureHistoryTable(client);
    const { rows } = await client.query<{ version: string }>(
      "select version from supabase_migrations.schema_migrations",
    );
    const recorded = new Set(rows.map((row) => row.version));
    const local = listMigrations(rootDir).map((migration) => migration.version);
    const applied = await applyMigrations(client, rootDir, log);
    return {
      applied,
      alreadyApplied: local.filter((version) => recorded.has(version)),
      unknown: [...recorded].filter((version) => !local.includes(version)).sort(),
    };
  } finally {
    await client.query("select pg_advisory_unlock($1)", [LOCK_KEY]).catch(() => undefined);
  }
}
