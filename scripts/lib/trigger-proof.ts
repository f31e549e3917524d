/**
 * db:setup's live proof of the signup trigger: insert a throwaway auth user the way GoTrue does
 * (as supabase_auth_admin, search_path = auth, role '', as GoTrue's signup runs), check that the profile row
 * appeared with the column defaults, then roll the transaction back and check nothing is left.
 */
import { randomUUID } from "node:crypto";
import type pg from "pg";
import type { Report } from "./cli";

const DEFAULTS = {
  years_of_experience: 0,
  experience_level: "entry",
  education_level: "bachelors",
  work_arrangement_preference: "any",
  salary_currency: "USD",
  profile_completed: false,
} as const;

async function becomeAuthService(client: pg.ClientBase): Promise<boolean> {
  await client.query("savepoint become_auth");
  try {
    await client.query("set local role supabase_auth_admin");
    await client.query("release savepoint become_auth");
    return true;
  } catch {
    // Some hosted setups do not let `postgres` switch to supabase_auth_admin; the insert then runs
    // as the connected role, which still exercises the trigger (only not its privilege boundary).
    await client.query("rollback to savepoint become_auth");
    return false;
  }
}

export async function proveTrigger(client: pg.ClientBase, report: Report): Promise<void> {
  const id = randomUUID();
  const email = `db-setup-probe-${id.slice(0, 8)}@example.invalid`;
  await client.query("begin");
  try {
    const asAuth = await becomeAuthService(client);
    await client.query("set local search_path = auth");
    await client.query(
      `insert into users (instance_id, id, aud, role, email, encrypted_password, raw_app_meta_data,
         raw_user_meta_data, created_at, updated_at, is_sso_user, is_anonymous)
       values ('00000000-0000-0000-0000-000000000000', $1, 'authenticated', '', $2, '',
         '{"provider":"email","providers":["email"]}', '{}', now(), now(), false, false)`,
      [id, email],
    );
    report.pass(
      "throwaway auth user inserted like GoTrue",
      asAuth ? "as supabase_auth_admin, search_path=auth" : "as the connected role",
    );
    await client.query("reset role");
    const { rows } = await client.query<Record<string, unknown>>(
      "select years_of_experience, experience_level, education_level, work_arrangement_preference, salary_currency, profile_completed from public.user_profiles where user_id = $1",
      [id],
    );
    const profile = rows[0];
    if (report.check(profile !== undefined, "trigger created the profile in the same transaction", "no profile row")) {
      const wrong = Object.entries(DEFAULTS).filter(([key, value]) => profile?.[key] !== value);
      report.check(
        wrong.length === 0,
        "profile has the column defaults",
        wrong.map(([key]) => `${key}=${String(profile?.[key])}`).join(", "),
      );
    }
  } catch (error) {
    report.fail("throwaway auth user insert", `the database refused it: ${(error as Error).message}`);
  } finally {
    await client.query("rollback").catch(() => undefined);
  }
  const left = await client.query(
    "select 1 from auth.users where id = $1 union all select 1 from public.user_profiles where user_id = $1",
    [id],
  );
  report.check(
    left.rowCount === 0,
    "throwaway user and profile removed (rolled back)",
    `${left.rowCount} row(s) left behind`,
  );
}
