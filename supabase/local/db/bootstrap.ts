/**
 * Platform bootstrap: the roles, schemas, GoTrue tables, auth functions and grants of a
 * hosted project, from `bootstrap/*.sql`, applied once per fresh data dir in ONE transaction (roles and
 * DDL are transactional in Postgres, so a failure leaves nothing half-made and the next start retries).
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type pg from "pg";

const BOOTSTRAP_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "bootstrap");

export function bootstrapFiles(): string[] {
  return readdirSync(BOOTSTRAP_DIR)
    .filter((name) => name.endsWith(".sql"))
    .sort()
    .map((name) => path.join(BOOTSTRAP_DIR, name));
}

/** True once the bootstrap transaction has committed in this cluster. */
export async function isBootstrapped(client: pg.ClientBase): Promise<boolean> {
  const { rows } = await client.query<{ done: boolean }>(
    "select to_regclass('supabase_migrations.schema_migrations') is not null and to_regclass('auth.users') is not null as done",
  );
  return rows[0]?.done === true;
}

/** Runs every bootstrap file as the connected superuser; no-op if already done. */
export async function bootstrapPlatform(client: pg.ClientBase): Promise<boolean> {
  if (await isBootstrapped(client)) return false;
  await client.query("begin");
  try {
    for (const file of bootstrapFiles()) {
      try {
        await client.query(readFileSync(file, "utf8"));
      } catch (error) {
        throw new Error(`bootstrap ${path.basename(file)} failed: ${(error as Error).message}`, { cause: error });
      }
    }
    await client.query("commit");
  } catch (error) {
    await client.query("rollback").catch(() => undefined);
    throw error;
  }
  return true;
}
