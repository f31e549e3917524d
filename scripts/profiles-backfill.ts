/**
 * `npm run profiles:backfill`: give every auth user without a profile (users created before the
 * trigger existed, or while it was broken) their default profile, through
 * createProfileAutomatically. Idempotent: a second run creates nothing.
 */
import { createProfileAutomatically } from "@/lib/profiles";
import { parseCommand, Report, runMain } from "./lib/cli";
import { serviceClient } from "./lib/clients";
import { mapConcurrent, progressPrinter } from "./lib/pool";
import { resolveApiTarget } from "./lib/targets";
import { listAllUsers, selectAll } from "./lib/users";

const { values } = parseCommand({
  name: "profiles:backfill",
  summary: "create the missing profiles of existing users",
  options: {
    url: { type: "string" },
    "service-role-key": { type: "string" },
    "dry-run": { type: "boolean" },
    concurrency: { type: "string", default: "8" },
  },
  help: [
    { flag: "--url URL", description: "project URL (default: $SUPABASE_URL, else the local stack)" },
    {
      flag: "--service-role-key KEY",
      description: "service role or secret key (default: $SUPABASE_SERVICE_ROLE_KEY, else the local key)",
    },
    { flag: "--dry-run", description: "only count the users without a profile" },
    { flag: "--concurrency N", description: "profiles created in parallel (default 8)" },
  ],
  details: "Exit 0 when every user has a profile afterwards, 1 otherwise.",
  examples: ["npm run profiles:backfill -- --dry-run", "npm run profiles:backfill"],
});

process.env.LOG_LEVEL ??= "error";

runMain("profiles:backfill", async () => {
  const admin = serviceClient(resolveApiTarget({ url: values.url, serviceRoleKey: values["service-role-key"] }));
  const report = new Report();
  const users = await listAllUsers(admin);
  const withProfile = new Set(
    (await selectAll<{ user_id: string }>(admin, "user_profiles", "user_id", "user_id")).map((row) => row.user_id),
  );
  const missing = users.filter((user) => !withProfile.has(user.id));
  report.pass(
    "read users and profiles",
    `${users.length} user(s), ${users.length - missing.length} with a profile, ${missing.length} without`,
  );
  if (values["dry-run"]) {
    report.info(`dry run: would create ${missing.length} profile(s)`);
    return report.summary("profiles:backfill");
  }
  const concurrency = Math.max(1, Number(values.concurrency) || 8);
  const results = await mapConcurrent(
    missing,
    concurrency,
    (user) => createProfileAutomatically(admin, user.id),
    progressPrinter("backfill"),
  );
  const created = results.filter((result) => result.ok && result.data?.created).length;
  const existed = results.filter((result) => result.ok && !result.data?.created).length;
  const failed = missing.flatMap((user, index) => {
    const result = results[index];
    return result && !result.ok ? [{ userId: user.id, message: result.message }] : [];
  });
  report.check(
    failed.length === 0,
    `created ${created} missing profile(s)`,
    `${failed.length} failed: ${failed
      .slice(0, 5)
      .map((result) => `${result.userId} (${result.message})`)
      .join(", ")}`,
    existed > 0 ? `${existed} appeared meanwhile` : undefined,
  );
  return report.summary("profiles:backfill");
});
