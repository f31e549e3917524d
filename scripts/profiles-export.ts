/**
 * `npm run profiles:export`: every profile with its account's email, as CSV (default) or JSON, to
 * a file or stdout. The CSV is the import format, so an export can be imported into another
 * project. Status lines go to stderr, so stdout can be redirected.
 */
import { writeFile } from "node:fs/promises";
import { parseCommand, Report, runMain, UsageError } from "./lib/cli";
import { serviceClient } from "./lib/clients";
import { loadExport, toCsv, toJson } from "./lib/export-rows";
import { resolveApiTarget } from "./lib/targets";

const { values } = parseCommand({
  name: "profiles:export",
  summary: "export all profiles (with emails) as CSV or JSON",
  options: {
    format: { type: "string", default: "csv" },
    output: { type: "string", short: "o" },
    url: { type: "string" },
    "service-role-key": { type: "string" },
  },
  help: [
    { flag: "--format csv|json", description: "output format (default csv)" },
    { flag: "-o, --output FILE", description: "write to FILE instead of stdout" },
    { flag: "--url URL", description: "project URL (default: $SUPABASE_URL, else the local stack)" },
    {
      flag: "--service-role-key KEY",
      description: "service role or secret key (default: $SUPABASE_SERVICE_ROLE_KEY, else the local key)",
    },
  ],
  details: "The output holds personal data: store it like a database backup. Exit 0 on success, 1 on failure.",
  examples: [
    "npm run profiles:export -- --output profiles.csv",
    "npm run --silent profiles:export -- --format json > profiles.json",
  ],
});

runMain("profiles:export", async () => {
  const format = values.format;
  if (format !== "csv" && format !== "json") throw new UsageError(`--format must be csv or json, got "${format}"`);
  const report = new Report(values.output ? console.log : console.error);
  const admin = serviceClient(resolveApiTarget({ url: values.url, serviceRoleKey: values["service-role-key"] }));
  const { rows, orphans } = await loadExport(admin);
  const text = format === "csv" ? toCsv(rows) : toJson(rows);
  if (values.output) await writeFile(values.output, text);
  else
    await new Promise<void>((resolve, reject) =>
      process.stdout.write(text, (error) => (error ? reject(error) : resolve())),
    );
  report.pass(`exported ${rows.length} profile(s) as ${format}`, values.output ?? "stdout");
  if (orphans > 0)
    report.info(`${orphans} account(s) have no profile and are not in the export (npm run profiles:backfill)`);
  return report.summary("profiles:export");
});
