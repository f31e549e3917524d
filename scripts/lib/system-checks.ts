/**
 * verify's checks — the end-to-end system test against a running Supabase: sign up a
 * throwaway user, profile created with defaults, read and update through RLS (an example
 * update, via lib/profiles), completion status, database-owned columns refused, a second user and
 * anon cannot see it. Every throwaway user is deleted at the end, whatever failed.
 */
import { randomUUID } from "node:crypto";
import type { SupabaseClient } from "@supabase/supabase-js";
import { getProfileCompletionStatus, updateProfile } from "@/lib/profiles";
import type { Report } from "./cli";
import { serviceClient, userClient } from "./clients";
import type { ApiTarget } from "./targets";

const PASSWORD = `Verify-${randomUUID()}`;
const DEFAULTS: Record<string, unknown> = {
  years_of_experience: 0,
  experience_level: "entry",
  education_level: "bachelors",
  work_arrangement_preference: "any",
  salary_currency: "USD",
  profile_completed: false,
};

interface Probe {
  id: string;
  email: string;
  client: SupabaseClient;
}

export class SystemCheck {
  private readonly admin: SupabaseClient;
  private readonly created: string[] = [];

  constructor(
    private readonly target: ApiTarget,
    private readonly report: Report,
    private readonly useAdminCreate: boolean,
  ) {
    this.admin = serviceClient(target);
  }

  async reachable(): Promise<boolean> {
    const health = await fetch(`${this.target.url}/auth/v1/health`, { headers: { apikey: this.target.anonKey } }).catch(
      (error: Error) => error,
    );
    const ok = !(health instanceof Error) && health.ok;
    this.report.check(
      ok,
      `Auth reachable at ${this.target.url}`,
      health instanceof Error ? health.message : `HTTP ${health.status}`,
    );
    if (!ok) return false;
    const { error } = await this.admin.from("user_profiles").select("profile_id", { head: true, count: "exact" });
    return this.report.check(
      !error,
      "REST reachable, user_profiles readable with the service role key",
      error?.message,
    );
  }

  /** Signs up (or admin-creates) a confirmed user and signs it in; null if that failed. */
  async newUser(label: string): Promise<Probe | null> {
    const email = `verify-${label}-${randomUUID().slice(0, 8)}@example.com`;
    const client = userClient(this.target);
    let id: string | undefined;
    if (this.useAdminCreate) {
      const { data, error } = await this.admin.auth.admin.createUser({
        email,
        password: PASSWORD,
        email_confirm: true,
      });
      id = data.user?.id;
      if (!this.report.check(!error && !!id, `create throwaway user ${label} (admin API)`, error?.message)) return null;
    } else {
      const { data, error } = await client.auth.signUp({ email, password: PASSWORD });
      id = data.user?.id;
      if (
        !this.report.check(
          !error && !!id,
          `sign up throwaway user ${label}`,
          error ? `${error.message} (try --admin-create)` : "no user returned",
        )
      )
        return null;
      if (!data.session) {
        // Email confirmation is on: confirm through the admin API instead of the mailbox.
        const confirmed = await this.admin.auth.admin.updateUserById(id!, { email_confirm: true });
        if (confirmed.error) this.report.fail(`confirm ${label}'s email (admin API)`, confirmed.error.message);
      }
    }
    this.created.push(id!);
    const signIn = await client.auth.signInWithPassword({ email, password: PASSWORD });
    if (!this.report.check(!signIn.error, `sign in as ${label}`, signIn.error?.message)) return null;
    return { id: id!, email, client };
  }

  async profileHasDefaults(user: Probe): Promise<void> {
    const { data, error } = await this.admin.from("user_profiles").select("*").eq("user_id", user.id).maybeSingle();
    if (
      !this.report.check(
        !error && !!data,
        "profile created automatically on signup",
        error?.message ?? "no profile row — is the trigger installed? (npm run db:setup)",
      )
    )
      return;
    const row = data as Record<string, unknown>;
    const wrong = Object.keys(DEFAULTS).filter((key) => row[key] !== DEFAULTS[key]);
    this.report.check(
      wrong.length === 0,
      "profile has the column defaults",
      wrong.map((key) => `${key}=${String(row[key])}`).join(", "),
    );
  }

  async ownProfileThroughRls(user: Probe): Promise<void> {
    const read = await user.client.from("user_profiles").select("user_id");
    this.report.check(
      !read.error && read.data?.length === 1 && read.data[0]?.user_id === user.id,
      "owner reads exactly their own profile through RLS",
      read.error?.message ?? `${read.data?.length} row(s)`,
    );
    const updates = { years_of_experience: 3, experience_level: "mid", education_level: "masters" };
    const result = await updateProfile(user.client, user.id, updates);
    this.report.check(result.ok, "owner updates their profile through updateProfile", result.message);
    const back = await user.client
      .from("user_profiles")
      .select("years_of_experience,experience_level,education_level,profile_completed")
      .eq("user_id", user.id)
      .single();
    const same =
      back.data?.years_of_experience === 3 &&
      back.data.experience_level === "mid" &&
      back.data.education_level === "masters";
    this.report.check(same, "update reads back through RLS", back.error?.message ?? JSON.stringify(back.data));
    const status = await getProfileCompletionStatus(user.client, user.id).catch((error: Error) => error);
    const complete = !(status instanceof Error) && status?.isComplete === true;
    this.report.check(
      complete,
      "completion status: required fields answered → complete",
      status instanceof Error ? status.message : JSON.stringify(status),
      status instanceof Error || !status
        ? undefined
        : `${status.completionPercentage}%, missing ${status.missingFields.join(", ") || "nothing"}`,
    );
    this.report.check(
      back.data?.profile_completed === true,
      "profile_completed set by the database",
      `profile_completed=${String(back.data?.profile_completed)}`,
    );
    const forged = await user.client.from("user_profiles").update({ profile_completed: false }).eq("user_id", user.id);
    this.report.check(
      !!forged.error,
      "owner cannot write profile_completed (column grants)",
      "the update was accepted",
    );
  }

  async isolation(owner: Probe, other: Probe): Promise<void> {
    const peek = await other.client.from("user_profiles").select("user_id").eq("user_id", owner.id);
    this.report.check(
      !peek.error && peek.data?.length === 0,
      "another user cannot read the profile",
      peek.error?.message ?? `${peek.data?.length} row(s) visible`,
    );
    const write = await other.client
      .from("user_profiles")
      .update({ years_of_experience: 42 })
      .eq("user_id", owner.id)
      .select("user_id");
    const after = await this.admin.from("user_profiles").select("years_of_experience").eq("user_id", owner.id).single();
    this.report.check(
      (write.data?.length ?? 0) === 0 && after.data?.years_of_experience === 3,
      "another user cannot update the profile",
      `now ${String(after.data?.years_of_experience)}`,
    );
    const anon = userClient(this.target);
    const anonRead = await anon.from("user_profiles").select("user_id").eq("user_id", owner.id);
    this.report.check(
      !!anonRead.error || anonRead.data?.length === 0,
      "anon cannot read profiles",
      `${anonRead.data?.length} row(s) visible`,
    );
  }

  /** Deletes every throwaway user; their profiles must go with them (ON DELETE CASCADE). */
  async cleanup(): Promise<void> {
    if (this.created.length === 0) return;
    const failures: string[] = [];
    for (const id of this.created) {
      const { error } = await this.admin.auth.admin.deleteUser(id);
      if (error) failures.push(`${id}: ${error.message}`);
    }
    this.report.check(
      failures.length === 0,
      `cleanup: ${this.created.length} throwaway user(s) deleted`,
      failures.join("; "),
    );
    const left = await this.admin.from("user_profiles").select("user_id").in("user_id", this.created);
    this.report.check(
      !left.error && left.data?.length === 0,
      "cleanup: their profiles are gone (cascade)",
      left.error?.message ?? `${left.data?.length} left`,
    );
  }
}
