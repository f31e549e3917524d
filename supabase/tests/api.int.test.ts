/**
 * The schema as the app meets it: unmodified supabase-js through the Auth and REST APIs. A signed-in
 * person reads and edits their own profile, cannot write database-owned columns, gets 400 for a CHECK
 * violation, and calls get_profile_completion; the admin_* RPCs answer only an app_metadata admin.
 */
import { randomUUID } from "node:crypto";
import { createClient, type SupabaseClient } from "@supabase/supabase-js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const PASSWORD = "correct-horse-battery-9";
const created: string[] = [];

function env(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} must be set (the local stack's env)`);
  return value;
}

const client = (key: string) =>
  createClient(env("SUPABASE_URL"), key, { auth: { persistSession: false, autoRefreshToken: false } });
const admin = () => client(env("SUPABASE_SERVICE_ROLE_KEY"));

/** A confirmed user (admin API), signed in; returns the signed-in client and the user id. */
async function signedInUser(appMetadata?: Record<string, unknown>): Promise<{ supabase: SupabaseClient; id: string }> {
  const email = `db-test-api-${randomUUID().slice(0, 8)}@example.test`;
  const { data, error } = await admin().auth.admin.createUser({
    email,
    password: PASSWORD,
    email_confirm: true,
    app_metadata: appMetadata,
  });
  if (error || !data.user) throw error ?? new Error("createUser returned no user");
  created.push(data.user.id);
  const supabase = client(env("SUPABASE_ANON_KEY"));
  const { error: signInError } = await supabase.auth.signInWithPassword({ email, password: PASSWORD });
  if (signInError) throw signInError;
  return { supabase, id: data.user.id };
}

let owner: { supabase: SupabaseClient; id: string };
let boss: { supabase: SupabaseClient; id: string };

beforeAll(async () => {
  owner = await signedInUser();
  boss = await signedInUser({ role: "admin" });
});

afterAll(async () => {
  for (const id of created) await admin().auth.admin.deleteUser(id);
});

describe("user_profiles through the REST API", () => {
  it("the owner reads exactly their own profile, with the column defaults", async () => {
    const { data, error } = await owner.supabase.from("user_profiles").select("*");
    expect(error).toBeNull();
    expect(data).toEqual([
      expect.objectContaining({
        user_id: owner.id,
        experience_level: "entry",
        education_level: "bachelors",
        profile_completed: false,
        answered_fields: [],
      }),
    ]);
  });

  it("anon gets 401 permission denied", async () => {
    const { error, status } = await client(env("SUPABASE_ANON_KEY")).from("user_profiles").select("*");
    expect(status).toBe(401);
    expect(error?.code).toBe("42501");
  });

  it("the owner saves a step through save_profile_step, and completion follows", async () => {
    const { data, error } = await owner.supabase.rpc("save_profile_step", {
      p_step: "experience",
      p_values: { years_of_experience: 4, experience_level: "mid" },
    });
    expect(error).toBeNull();
    expect(data).toMatchObject({ years_of_experience: 4, completion_percentage: 40, is_complete: false });
    const completion = await owner.supabase.rpc("get_profile_completion");
    expect(completion.data).toMatchObject({ completion_percentage: 40, is_complete: false });
  });

  it("PATCHing answered_fields to reach 100 % without answering is 403 and changes nothing", async () => {
    const everything = [
      "years_of_experience",
      "experience_level",
      "education_level",
      "field_of_study",
      "skills_technologies",
      "work_arrangement_preference",
      "preferred_locations",
      "salary_range",
    ];
    const { error, status } = await owner.supabase
      .from("user_profiles")
      .update({ answered_fields: everything })
      .eq("user_id", owner.id);
    expect(status).toBe(403);
    expect(error?.code).toBe("42501");
    const completion = await owner.supabase.rpc("get_profile_completion");
    expect(completion.data).toMatchObject({ completion_percentage: 40, is_complete: false });
  });

  it("save_profile_step refuses a column outside the step with 400", async () => {
    const { error, status } = await owner.supabase.rpc("save_profile_step", {
      p_step: "skills",
      p_values: { skills_technologies: ["SQL"], education_level: "phd" },
    });
    expect(status).toBe(400);
    expect(error?.code).toBe("22023");
  });

  it("writing profile_completed is 403 permission denied", async () => {
    const { error, status } = await owner.supabase
      .from("user_profiles")
      .update({ profile_completed: true })
      .eq("user_id", owner.id);
    expect(status).toBe(403);
    expect(error?.code).toBe("42501");
  });

  it("a CHECK violation is a 400 naming the constraint", async () => {
    const { error, status } = await owner.supabase
      .from("user_profiles")
      .update({ salary_currency: "dollars" })
      .eq("user_id", owner.id);
    expect(status).toBe(400);
    expect(error?.code).toBe("23514");
    expect(error?.message).toContain("user_profiles_salary_currency_format");
  });

  it("the owner reads their history", async () => {
    const { data, error } = await owner.supabase.from("user_profile_history").select("field,changed_by");
    expect(error).toBeNull();
    expect(data).toEqual(expect.arrayContaining([{ field: "years_of_experience", changed_by: owner.id }]));
  });
});

describe("admin analytics through the REST API", () => {
  it("refuses a non-admin with 403", async () => {
    const { error, status } = await owner.supabase.rpc("admin_profile_totals");
    expect(status).toBe(403);
    expect(error?.code).toBe("42501");
  });

  it("answers an app_metadata admin", async () => {
    const { data, error } = await boss.supabase.rpc("admin_profile_totals").single();
    expect(error).toBeNull();
    // Other suites' data shares this database: check shape and a floor, not exact totals.
    const totals = data as { total_users: number; total_profiles: number; orphan_users: number };
    expect(totals.total_users).toBeGreaterThanOrEqual(2);
    expect(totals.total_profiles).toBeGreaterThanOrEqual(2);
    expect(typeof totals.orphan_users).toBe("number");
    const steps = await boss.supabase.rpc("admin_wizard_steps");
    expect(steps.data?.map((row: { step: string }) => row.step)).toEqual([
      "experience",
      "education",
      "skills",
      "preferences",
      "salary",
      "done",
    ]);
  });
});
