/**
 * `npm run profiles:import -- <file>`: bulk-create users with their profile answers from CSV or
 * JSON (format in lib/import/columns.ts). Reports created / skipped (already exists) / rejected
 * (with reasons); idempotent on re-run; progress on large files.
 */
import { writeFile } from "node:fs/promises";
import { parseCommand, Report, runMain, UsageError } from "./lib/cli";
import { serviceClient } from "./lib/clients";
import { readImportFile } from "./lib/import/read-file";
import { runImport } from "./lib/import/run";
import { rejectDuplicates, validateRecord } from "./lib/import/validate";
import { progressPrinter } from "./lib/pool";
import { resolveApiTarget } from "./lib/targets";

const { values, positionals } = parseCommand({
  name: "profiles:import",
  summary: "create users and their profile answers from a CSV or JSON file",
  positionals: "<file.csv|file.json>",
  options: {
    "dry-run": { type: "boolean" },
    format: { type: "string" },
    report: { type: "string" },
    concurrency: { type: "string", default: "32" },
    url: { type: "string" },
    "service-role-key": { type: "string" },
  },
  help: [
    { flag: "--dry-run", description: "validate and compare with existing users; create nothing" },
    { flag: "--format csv|json", description: "file format (default: from the file extension)" },
    { flag: "--report FILE", description: "also write the full result (every row) as JSON to FILE" },
    { flag: "--concurrency N", description: "accounts created in parallel (default 32)" },
    { flag: "--url URL", description: "project URL (default: $SUPABASE_URL, else the local stack)" },
    {
      flag: "--service-role-key KEY",
      description: "service role or secret key (default: $SUPABASE_SERVICE_ROLE_KEY, else the local key)",
    },
  ],
  details:
    'Columns: email (required), password (optional; without one the person uses "Forgot password"),\n' +
    "years_of_experience, experience_level, education_level, field_of_study, skills_technologies,\n" +
    "work_arrangement_preference, preferred_locations, salary_min, salary_max, salary_currency, answered_fields.\n" +
    'CSV list cells separate items with ";". A non-empty cell counts as an answer. Columns written by\n' +
    "profiles:export (user_id, profile_completed, …) are ignored. Accounts are created confirmed.\n" +
    "Exit 0 when no row was rejected, 1 when some were (or the file was refused), 2 on a usage error.",
  examples: [
    "npm run profiles:import -- people.csv --dry-run",
    "npm run profiles:import -- people.csv --report import-report.json",
    "npm run profiles:import -- export.json",
  ],
});

process.env.LOG_LEVEL ??= "error";

runMain("profiles:import", async () => {
  const file = positionals[0];
  if (!file || positionals.length > 1)
    throw new UsageError('give exactly one file. Run "npm run profiles:import -- --help" for usage.');
  const report = new Report();
  let records;
  try {
    records = await readImportFile(file, values.format);
  } catch (error) {
    report.fail(`read ${file}`, `${(error as Error).message} — nothing was imported`);
    return report.summary("profiles:import");
  }
  const checked = rejectDuplicates(records.map(validateRecord));
  const valid = checked.filter((record) => record.ok).length;
  report.pass(
    `read ${file}`,
    `${records.length} row(s), ${valid} valid, ${records.length - valid} rejected before any account was created`,
  );
  const admin = serviceClient(resolveApiTarget({ url: values.url, serviceRoleKey: values["service-role-key"] }));
  const outcome = await runImport(admin, checked, {
    dryRun: values["dry-run"] === true,
    concurrency: Math.max(1, Number(values.concurrency) || 32),
    onProgress: progressPrinter(values["dry-run"] ? "checked" : "imported"),
  });
  const verb = outcome.dryRun ? "would create" : "created";
  report.pass(
    `${verb} ${outcome.created.length}, skipped ${outcome.skipped.length} (already exist), rejected ${outcome.rejected.length}`,
  );
  for (const rejected of outcome.rejected.slice(0, 50)) {
    report.fail(`row ${rejected.row}${rejected.email ? ` (${rejected.email})` : ""}`, rejected.reasons.join("; "));
  }
  if (outcome.rejected.length > 50)
    report.info(
      `… and ${outcome.rejected.length - 50} more rejected row(s)${values.report ? "" : " (use --report FILE for all)"}`,
    );
  if (values.report) {
    await writeFile(values.report, `${JSON.stringify(outcome, null, 2)}\n`);
    report.info(`full report written to ${values.report}`);
  }
  return report.summary("profiles:import");
});
