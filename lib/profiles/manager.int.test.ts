/**
 * The profile domain API against a running Supabase: the service role for setup, a signed-in
 * user's client for what the app does (RLS and column grants apply).
 */
import { randomUUID } from "node:crypto";
import { createClient, type SupabaseClient } from "@supabase/supabase-js";
import type { Database } from "@/lib/database.types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createProfileAutomatically,
  getProfile,
  getProfileCompletionStatus,
  getProfileHistory,
  skipStep,
  updateProfile,
  updateUserProfile,
  verifyUserProfile,
} from "./index";

const url = process.env.SUPABASE_URL ?? "";
const options = { auth: { persistSession: false, autoRefreshToken: false } };
const admin = createClient<Database>(url, process.env.SUPABASE_SERVICE_ROLE_KEY ?? "", options);
const password = `pw-${randomUUID()}`;
let userId = "";
let other = "";
let asUser: SupabaseClient<Database>;

async function newUser(): Promise<string> {
  const email = `profiles-${randomUUID().slice(0, 8)}@example.com`;
  const { data, error } = await admin.auth.admin.createUser({ email, password, email_confirm: true });
  if (error || !data.user) throw new Error(error?.message ?? "no user");
  if (!asUser) {
    asUser = createClient<Database>(url, process.env.SUPABASE_ANON_KEY ?? "", options);
    const signedIn = await asUser.auth.signInWithPassword({ email, password });
    if (signedIn.error) throw new Error(signedIn.error.message);
  }
  return data.user.id;
}

beforeAll(async () => {
  userId = await newUser();
  other = await newUser();
});
afterAll(async () => {
  await Promise.all([userId, other].filter(Boolean).map((id) => admin.auth.admin.deleteUser(id)));
});

describe("createProfileAutomatically", () => {
  it("is an idempotent ensure: the trigger's row is reported as existing", async () => {
    const result = await createProfileAutomatically(admin, userId);
    expect(result).toMatchObject({ ok: true, message: "Profile already exists", data: { created: false } });
    expect(result.ok && result.data?.profileId).toMatch(/^[0-9a-f-]{36}$/);
  });
  it("creates the row with the column defaults when it is missing", async () => {
    await admin.from("user_profiles").delete().eq("user_id", other);
    const result = await createProfileAutomatically(admin, other);
    expect(result).toMatchObject({ ok: true, message: "Profile created", data: { created: true } });
    expect(await getProfile(admin, other)).toMatchObject({
      years_of_experience: 0,
      experience_level: "entry",
      education_level: "bachelors",
      work_arrangement_preference: "any",
      profile_completed: false,
    });
  });
  it("reports an unknown user without internals", async () => {
    const result = await createProfileAutomatically(admin, randomUUID());
    expect(result).toMatchObject({ ok: false, kind: "not_found" });
  });
});

describe("updates through the user's own client", () => {
  it("starts at 0 %: defaults are not answers", async () => {
    expect(await getProfileCompletionStatus(asUser, userId)).toMatchObject({
      completionPercentage: 0,
      isComplete: false,
    });
  });
  it("an update of the three required fields completes the profile", async () => {
    const result = await updateProfile(asUser, userId, {
      years_of_experience: 3,
      experience_level: "mid",
      education_level: "masters",
    });
    expect(result).toMatchObject({ ok: true, data: { completionPercentage: 60, isComplete: true } });
    expect(await getProfileCompletionStatus(asUser, userId)).toMatchObject({
      completionPercentage: 60,
      isComplete: true,
    });
    expect((await verifyUserProfile(asUser, userId)).hasProfile).toBe(true);
  });
  it("rejects invalid input with field errors and writes nothing", async () => {
    const result = await updateUserProfile(asUser, userId, { years_of_experience: 90, profile_completed: true });
    expect(result).toMatchObject({ ok: false, kind: "invalid" });
    expect(result.fieldErrors).toEqual({
      years_of_experience: "Years of experience must be at most 70",
      profile_completed: "This field cannot be changed",
    });
    expect((await getProfile(asUser, userId))?.years_of_experience).toBe(3);
  });
  it("maps a CHECK violation to the field (salary max below a saved min)", async () => {
    expect((await updateProfile(asUser, userId, { salary_min: 100 })).ok).toBe(true);
    const result = await updateProfile(asUser, userId, { salary_max: 50 });
    expect(result.fieldErrors).toEqual({ salary_max: "Maximum salary must be at least the minimum salary" });
  });
  it("skipping records skipped fields without erasing earlier answers", async () => {
    await skipStep(asUser, userId, "skills");
    await skipStep(asUser, userId, "salary");
    const profile = await getProfile(asUser, userId);
    expect(profile?.answered_fields).toContain("skills_technologies");
    expect(profile?.skipped_fields).toEqual(["skills_technologies"]);
    expect(profile?.salary_min).toBe(100); // answered before the skip: kept
    expect((await skipStep(asUser, userId, "experience")).ok).toBe(false);
  });
  it("cannot see or change someone else's profile", async () => {
    expect(await getProfile(asUser, other)).toBeNull();
    expect(await updateProfile(asUser, other, { years_of_experience: 1 })).toMatchObject({
      ok: false,
      kind: "refused",
    });
    expect((await getProfile(admin, other))?.years_of_experience).toBe(0);
  });
  it("lists the person's own changes, newest first", async () => {
    const history = await getProfileHistory(asUser, userId);
    expect(history[0]).toMatchObject({ field: "salary_min", oldValue: null, newValue: 100, bySelf: true });
    expect(history.map((entry) => entry.field)).not.toContain("answered_fields");
  });
});
