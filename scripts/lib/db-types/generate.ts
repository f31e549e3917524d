/**
 * Generates the text of lib/database.types.ts from a database: the schemas the Data API exposes
 * (supabase/config.toml `[api] schemas`, those that exist), introspected, rendered and formatted with
 * the repository's Prettier config. Shared by `npm run db:types` and the staleness test.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import * as prettier from "prettier";
import { parse } from "smol-toml";
import { describeDbUrl } from "../targets";
import { introspect } from "./introspect";
import { renderDatabaseTypes } from "./render";

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
export const TYPES_FILE = path.join(REPO_ROOT, "lib", "database.types.ts");
const CONFIG_FILE = path.join(REPO_ROOT, "supabase", "config.toml");

/** `[api] schemas` from supabase/config.toml (the CLI's default when unset). */
export async function exposedSchemas(configFile = CONFIG_FILE): Promise<string[]> {
  const config = parse(await readFile(configFile, "utf8")) as { api?: { schemas?: unknown } };
  const schemas = config.api?.schemas;
  if (schemas === undefined) return ["public", "graphql_public"];
  if (!Array.isArray(schemas) || !schemas.every((schema) => typeof schema === "string")) {
    throw new Error(`${configFile}: [api] schemas must be a list of schema names`);
  }
  return schemas;
}

/**
 * Formats in two passes. First as the CLI does (80 columns, no semicolons): that decides which
 * objects are written expanded, and Prettier keeps an object expanded afterwards. Then with the
 * repository's config, so the committed file passes `format:check` and equals the CLI's output
 * run through `npm run format`.
 */
export async function formatTypes(source: string, filePath = TYPES_FILE): Promise<string> {
  const cliLayout = await prettier.format(source, { parser: "typescript", semi: false, printWidth: 80 });
  const options = (await prettier.resolveConfig(filePath)) ?? {};
  return prettier.format(cliLayout, { ...options, filepath: filePath, parser: "typescript" });
}

export interface GenerateOptions {
  dbUrl: string;
  /** Defaults to the exposed schemas of supabase/config.toml. */
  schemas?: string[];
}

/** Generates from an open connection (the test uses one inside a rolled-back transaction). */
export async function generateFromClient(client: pg.ClientBase, schemas?: string[]): Promise<string> {
  // The CLI's view of type names (format_type, pg_get_function_arguments) assumes this path; pinning
  // it keeps the output independent of the connecting role's settings.
  await client.query(`select set_config('search_path', '"$user", public', false)`);
  const catalog = await introspect(client, schemas ?? (await exposedSchemas()));
  return formatTypes(renderDatabaseTypes(catalog));
}

export async function generateDatabaseTypes({ dbUrl, schemas }: GenerateOptions): Promise<string> {
  const client = new pg.Client({ connectionString: dbUrl, application_name: "db-types" });
  try {
    await client.connect();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(
      `cannot connect to ${describeDbUrl(dbUrl)} (${reason}). Start the local stack (npm run supabase:start) or pass --db-url.`,
    );
  }
  try {
    return await generateFromClient(client, schemas);
  } finally {
    await client.end();
  }
}
