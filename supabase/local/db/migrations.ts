/**
 * Applies `supabase/migrations/*.sql` the way the Supabase CLI does: files named `<version>_<name>.sql`
 * in version order, each at most once, each in its own transaction, recorded in
 * `supabase_migrations.schema_migrations (version, name, statements)`. Also runs `supabase/seed.sql`.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type pg from "pg";
import { splitSql } from "./split-sql";

export interface MigrationFile {
  version: string;
  name: string;
  file: string;
}

const MIGRATION_NAME = /^([0-9]+)_(.*)\.sql$/;

/** Pure: directory listing → migrations in apply order (files not named like the CLI's are skipped). */
export function parseMigrationNames(dir: string, names: string[]): MigrationFile[] {
  const migrations: MigrationFile[] = [];
  for (const name of names) {
    const match = MIGRATION_NAME.exec(name);
    if (!match || match[1] === undefined || match[2] === undefined) continue;
    migrations.push({ version: match[1], name: match[2], file: path.join(dir, name) });
  }
  return migrations.sort((a, b) => (a.version < b.version ? -1 : a.version > b.version ? 1 : 0));
}

export function listMigrations(rootDir: string): MigrationFile[] {
  const dir = path.join(rootDir, "supabase", "migrations");
  if (!existsSync(dir)) return [];
  return parseMigrationNames(dir, readdirSync(dir));
}

/** Applies pending migrations; returns the versions applied. Stops at the first failure. */
export async function applyMigrations(
  client: pg.ClientBase,
  rootDir: string,
  log: (line: string) => void,
): Promise<string[]> {
  const { rows } = await client.query<{ version: string }>("select version from supabase_migrations.schema_migrations");
  const done = new Set(rows.map((row) => row.version));
  const applied: string[] = [];
  for (const migration of listMigrations(rootDir)) {
    if (done.has(migration.version)) continue;
    const sql = readFileSync(migration.file, "utf8");
    await client.query("begin");
    try {
      await client.query(sql);
      await client.query(
        "insert into supabase_migrations.schema_migrations (version, name, statements) values ($1, $2, $3)",
        [migration.version, migration.name, splitSql(sql)],
      );
      await client.query("commit");
    } catch (error) {
      await client.query("rollback").catch(() => undefined);
      throw new Error(`migration ${path.basename(migration.file)} failed: ${(error as Error).message}`, {
        cause: error,
      });
    }
    log(`Applying migration ${path.basename(migration.file)}...`);
    applied.push(migration.version);
  }
  return applied;
}

/** Runs supabase/seed.sql (if present) in one transaction; returns whether it ran. */
export async function applySeed(client: pg.ClientBase, rootDir: string, log: (line: string) => void): Promise<boolean> {
  const file = path.join(rootDir, "supabase", "seed.sql");
  if (!existsSync(file)) return false;
  await client.query("begin");
  try {
    await client.query(readFileSync(file, "utf8"));
    await client.query("commit");
  } catch (error) {
    await client.query("rollback").catch(() => undefined);
    throw new Error(`seed.sql failed: ${(error as Error).message}`, { cause: error });
  }
  log("Seeding data from supabase/seed.sql...");
  return true;
}
