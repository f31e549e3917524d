/**
 * `npm run verify`: the end-to-end system test against any Supabase project,
 * default the local stack. One line per check; exit 0 only when all pass. Throwaway users only.
 */
import { parseCommand, Report, runMain } from "./lib/cli";
import { SystemCheck } from "./lib/system-checks";
import { resolveApiTarget } from "./lib/targets";

const { values } = parseCommand({
  name: "verify",
  summary: "end-to-end check of signup → profile → RLS → completion on a Supabase project",
  options: {
    url: { type: "string" },
    "anon-key": { type: "string" },
    "service-role-key": { type: "string" },
    "admin-create": { type: "boolean" },
    verbose: { type: "boolean" },
  },
  help: [
    {
      flag: "--url URL",
      description: "project URL (default: $SUPABASE_URL, $NEXT_PUBLIC_SUPABASE_URL, else http://127.0.0.1:54321)",
    },
    {
      flag: "--anon-key KEY",
      description: "anon or publishable key (default: $SUPABASE_ANON_KEY / NEXT_PUBLIC_…, else the local key)",
    },
    {
      flag: "--service-role-key KEY",
      description: "service role or secret key (default: $SUPABASE_SERVICE_ROLE_KEY, else the local key)",
    },
    {
      flag: "--admin-create",
      description: "create the throwaway users with the admin API instead of signUp (no mail sent)",
    },
    { flag: "--verbose", description: "show lib/profiles' log lines" },
  ],
  details:
    "Creates two throwaway users (verify-*@example.com) and deletes them at the end, also after a failure.\n" +
    "Exit 0 when every check passes, 1 otherwise.",
  examples: [
    "npm run verify",
    "npm run verify -- --url https://PROJECT.supabase.co --anon-key sb_publishable_… --service-role-key sb_secret_… --admin-create",
  ],
});

if (!values.verbose) process.env.LOG_LEVEL ??= "error";

runMain("verify", async () => {
  const target = resolveApiTarget({
    url: values.url,
    anonKey: values["anon-key"],
    serviceRoleKey: values["service-role-key"],
  });
  const report = new Report();
  const check = new SystemCheck(target, report, values["admin-create"] === true);
  try {
    if (!(await check.reachable())) return report.summary("verify");
    const owner = await check.newUser("owner");
    if (owner) {
      await check.profileHasDefaults(owner);
      await check.ownProfileThroughRls(owner);
      const other = await check.newUser("other");
      if (other) await check.isolation(owner, other);
    }
  } finally {
    await check.cleanup();
  }
  return report.summary("verify");
});
