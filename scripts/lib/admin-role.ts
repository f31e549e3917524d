/**
 * admin:grant / admin:revoke: set or remove `app_metadata.role = "admin"` through the Auth admin
 * API. app_metadata is writable only with the service key (people cannot grant it to themselves),
 * and GoTrue merges it key by key, where null deletes a key. /admin and the admin_* functions read
 * the live user, so the change counts at once; the JWT's own claim follows at the next refresh.
 */
import { parseCommand, Report, runMain } from "./cli";
import { serviceClient } from "./clients";
import { resolveApiTarget } from "./targets";
import { findUserByEmail } from "./users";

export function runRoleCommand(mode: "grant" | "revoke"): void {
  const name = `admin:${mode}`;
  const { values, positionals } = parseCommand({
    name,
    summary: mode === "grant" ? "make a user an admin (app_metadata.role = admin)" : "remove a user's admin role",
    positionals: "<email>",
    options: { url: { type: "string" }, "service-role-key": { type: "string" } },
    help: [
      { flag: "--url URL", description: "project URL (default: $SUPABASE_URL, else the local stack)" },
      {
        flag: "--service-role-key KEY",
        description: "service role or secret key (default: $SUPABASE_SERVICE_ROLE_KEY, else the local key)",
      },
    ],
    details: "The change counts at once: /admin and the admin_* functions check the live user, not the JWT.",
    examples: [`npm run ${name} -- alice@example.com`],
  });

  runMain(name, async () => {
    const email = positionals[0];
    if (!email || positionals.length > 1) {
      console.error(`${name}: give exactly one email address. Run "npm run ${name} -- --help" for usage.`);
      return 2;
    }
    const admin = serviceClient(resolveApiTarget({ url: values.url, serviceRoleKey: values["service-role-key"] }));
    const report = new Report();
    const user = await findUserByEmail(admin, email);
    if (!user) {
      report.fail(`find ${email}`, "no user with this email address");
      return report.summary(name);
    }
    const wasAdmin = user.app_metadata?.role === "admin";
    const { data, error } = await admin.auth.admin.updateUserById(user.id, {
      app_metadata: { role: mode === "grant" ? "admin" : null },
    });
    if (error) {
      report.fail(`${mode} admin role for ${email}`, error.message);
      return report.summary(name);
    }
    const isAdmin = data.user?.app_metadata?.role === "admin";
    const wanted = mode === "grant";
    report.check(
      isAdmin === wanted,
      `${email} ${wanted ? "is an admin" : "is no longer an admin"}`,
      `app_metadata.role is ${String(data.user?.app_metadata?.role)}`,
      wasAdmin === wanted ? "unchanged" : "changed; effective at once",
    );
    return report.summary(name);
  });
}
