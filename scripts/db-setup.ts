/**
 * `npm run db:setup`: set up automatic profile creation — apply supabase/migrations to a
 * Postgres (default: the local stack), then verify the table, trigger, function properties, RLS and
 * grants, and prove the trigger with a throwaway user. Safe to run again: applied migrations are
 * recorded in supabase_migrations.schema_migrations (as the Supabase CLI does) and skipped.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { parseCommand, Report, runMain } from "./lib/cli";
import { migrate } from "./lib/migrate";
import { checkOrphans, checkRlsAndGrants, checkTable, checkTrigger } from "./lib/schema-checks";
import { describeDbUrl, resolveDbUrl } from "./lib/targets";
import { proveTrigger } from "./lib/trigger-proof";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

const { values } = parseCommand({
  name: "db:setup",
  summary: "apply the migrations to a Postgres database and verify the profile system",
  options: { "db-url": { type: "string" }, "verify-only": { type: "boolean" } },
  help: [
    {
      flag: "--db-url URL",
      description: "Postgres connection string (default: $SUPABASE_DB_URL, else the local stack's 127.0.0.1:54322)",
    },
    { flag: "--verify-only", description: "do not apply migrations, only verify" },
  ],
  details:
    "Checks: the profile table and its defaults, the signup trigger (AFTER INSERT, SECURITY DEFINER, search_path='',\n" +
    "outside the Data API schemas, EXECUTE revoked), RLS and policies, grants, orphans, and a live trigger proof\n" +
    "with a throwaway user that is rolled back. Exit 0 when every check passes, 1 otherwise.",
  examples: [
    "npm run db:setup",
    "npm run db:setup -- --db-url postgresql://postgres:PASSWORD@db.PROJECT.supabase.co:5432/postgres",
    "npm run db:setup -- --verify-only",
  ],
});

runMain("db:setup", async () => {
  const url = resolveDbUrl(values["db-url"]);
  const report = new Report();
  const client = new pg.Client({ connectionString: url, application_name: "autoprofile db:setup" });
  try {
    await client.connect();
  } catch (error) {
    report.fail(`connect to ${describeDbUrl(url)}`, (error as Error).message);
    return report.summary("db:setup");
  }
  try {
    const version = await client.query<{ server_version: string }>("show server_version");
    report.pass(`connected to ${describeDbUrl(url)}`, `PostgreSQL ${version.rows[0]?.server_version}`);
    if (!values["verify-only"]) {
      try {
        const outcome = await migrate(client, ROOT, (line) => report.info(line));
        report.pass(
          "migrations up to date",
          `${outcome.applied.length} applied now, ${outcome.alreadyApplied.length} already applied`,
        );
        if (outcome.unknown.length > 0) report.info(`recorded but not in this checkout: ${outcome.unknown.join(", ")}`);
      } catch (error) {
        report.fail("apply migrations", (error as Error).message);
        return report.summary("db:setup");
      }
    }
    if (await checkTable(client, report)) {
      await checkTrigger(client, report);
      await checkRlsAndGrants(client, report);
      await checkOrphans(client, report);
      await proveTrigger(client, report);
    }
  } finally {
    await client.end();
  }
  return report.summary("db:setup");
});
