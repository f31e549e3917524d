/**
 * `npm run db:types`: writes lib/database.types.ts (the `Database` type for supabase-js) from the
 * local database, or checks that the committed file is current (`--check`).
 */
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseCommand, runMain, UsageError } from "./lib/cli";
import { generateDatabaseTypes, REPO_ROOT, TYPES_FILE } from "./lib/db-types/generate";
import { describeDbUrl, LOCAL_DB_URL } from "./lib/targets";

const { values } = parseCommand({
  name: "db:types",
  summary: "generate lib/database.types.ts from the database (like supabase gen types typescript --local)",
  options: {
    "db-url": { type: "string" },
    check: { type: "boolean" },
  },
  help: [
    {
      flag: "--db-url URL",
      description: `database to read (default: the local stack, ${describeDbUrl(LOCAL_DB_URL)})`,
    },
    { flag: "--check", description: "write nothing; exit 1 when lib/database.types.ts differs from the database" },
  ],
  details:
    "Covers the schemas in supabase/config.toml [api] schemas that exist. Exit 0 on success, 1 on failure (or a stale file with --check).",
  examples: ["npm run db:types", "npm run db:types -- --check", "npm run db:types -- --db-url postgresql://…"],
});

runMain("db:types", async () => {
  const dbUrl = values["db-url"] ?? LOCAL_DB_URL;
  if (!/^postgres(ql)?:\/\//.test(dbUrl)) throw new UsageError(`--db-url must be a postgresql:// URL`);
  const generated = await generateDatabaseTypes({ dbUrl });
  const relative = path.relative(REPO_ROOT, TYPES_FILE);
  const current = await readFile(TYPES_FILE, "utf8").catch(() => null);
  if (values.check) {
    if (current === generated) {
      console.log(`✓ ${relative} matches ${describeDbUrl(dbUrl)}`);
      return 0;
    }
    console.error(`✗ ${relative} is stale — run npm run db:types`);
    return 1;
  }
  if (current === generated) {
    console.log(`✓ ${relative} is already up to date (${describeDbUrl(dbUrl)})`);
    return 0;
  }
  await writeFile(TYPES_FILE, generated);
  console.log(`✓ wrote ${relative} from ${describeDbUrl(dbUrl)}`);
  return 0;
});
