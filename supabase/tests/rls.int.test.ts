/**
 * The RLS and grant matrix for user_profiles and user_profile_history: anon / owner / other user /
 * service_role × select / insert / update / delete, allow and deny, including column-level UPDATE
 * grants. Roles are simulated as PostgREST does (set local role + request.jwt.claims).
 */
import { afterAll, describe, expect, it } from "vitest";
import type pg from "pg";
import { actAs, actAsOwner, actAsUser, attempt, createPool, inRolledBackTx, insertUserLikeGoTrue } from "./support/db";

const pool = createPool();
afterAll(() => pool.end());

type Actor = "anon" | "owner" | "other" | "service_role";

/** Creates owner + other, then switches to `actor`. Returns the owner's id. */
async function setup(client: pg.PoolClient, actor: Actor): Promise<{ ownerId: string; otherId: string }> {
  const ownerId = await insertUserLikeGoTrue(client);
  const otherId = await insertUserLikeGoTrue(client);
  if (actor === "anon") await actAs(client, "anon");
  if (actor === "service_role") await actAs(client, "service_role");
  if (actor === "owner") await actAsUser(client, ownerId);
  if (actor === "other") await actAsUser(client, otherId);
  return { ownerId, otherId };
}

const PERMISSION_DENIED = "42501";

describe("user_profiles access matrix", () => {
  it.each<[Actor, "rows" | "denied" | "none"]>([
    ["anon", "denied"],
    ["owner", "rows"],
    ["other", "none"],
    ["service_role", "rows"],
  ])("SELECT the owner's row as %s → %s", async (actor, outcome) => {
    await inRolledBackTx(pool, async (client) => {
      const { ownerId } = await setup(client, actor);
      const result = await attempt(client, "select user_id from public.user_profiles where user_id = $1", [ownerId]);
      if (outcome === "denied") expect(result.error?.code).toBe(PERMISSION_DENIED);
      else expect(result.rows).toEqual(outcome === "rows" ? [{ user_id: ownerId }] : []);
    });
  });

  it("a signed-in user sees exactly one profile in an unfiltered SELECT: their own", async () => {
    await inRolledBackTx(pool, async (client) => {
      const { ownerId } = await setup(client, "owner");
      const { rows } = await client.query("select user_id from public.user_profiles");
      expect(rows).toEqual([{ user_id: ownerId }]);
    });
  });

  it.each<[Actor, "ok" | "denied" | "none"]>([
    ["anon", "denied"],
    ["owner", "ok"],
    ["other", "none"],
    ["service_role", "ok"],
  ])("UPDATE an editable column of the owner's row as %s → %s", async (actor, outcome) => {
    await inRolledBackTx(pool, async (client) => {
      const { ownerId } = await setup(client, actor);
      const result = await attempt(
        client,
        "update public.user_profiles set years_of_experience = 7 where user_id = $1",
        [ownerId],
      );
      if (outcome === "denied") expect(result.error?.code).toBe(PERMISSION_DENIED);
      else expect(result.rowCount).toBe(outcome === "ok" ? 1 : 0);
      await actAsOwner(client);
      const { rows } = await client.query("select years_of_experience from public.user_profiles where user_id = $1", [
        ownerId,
      ]);
      expect(rows[0].years_of_experience).toBe(outcome === "ok" ? 7 : 0);
    });
  });

  it.each([
    "years_of_experience = 1",
    "experience_level = 'mid'",
    "education_level = 'masters'",
    "field_of_study = 'Physics'",
    "skills_technologies = '{sql}'",
    "work_arrangement_preference = 'remote'",
    "preferred_locations = '{Berlin}'",
    "salary_min = 1, salary_max = 2",
    "salary_currency = 'EUR'",
  ])("the owner may set %s", async (assignment) => {
    await inRolledBackTx(pool, async (client) => {
      const { ownerId } = await setup(client, "owner");
      const result = await attempt(client, `update public.user_profiles set ${assignment} where user_id = $1`, [
        ownerId,
      ]);
      expect(result.error).toBeNull();
      expect(result.rowCount).toBe(1);
    });
  });

  it.each([
    "profile_completed = true",
    "answered_fields = '{years_of_experience}'",
    "skipped_fields = '{}'",
    "completed_at = now()",
    "created_at = now()",
    "updated_at = now()",
    "profile_id = gen_random_uuid()",
    "user_id = user_id",
  ])("the owner may not set %s (no column grant)", async (assignment) => {
    await inRolledBackTx(pool, async (client) => {
      const { ownerId } = await setup(client, "owner");
      const result = await attempt(client, `update public.user_profiles set ${assignment} where user_id = $1`, [
        ownerId,
      ]);
      expect(result.error?.code).toBe(PERMISSION_DENIED);
    });
  });

  it("the owner cannot move their row to another user (column grant, and WITH CHECK behind it)", async () => {
    await inRolledBackTx(pool, async (client) => {
      const { ownerId, otherId } = await setup(client, "owner");
      const result = await attempt(client, "update public.user_profiles set user_id = $2 where user_id = $1", [
        ownerId,
        otherId,
      ]);
      expect(result.error?.code).toBe(PERMISSION_DENIED);
    });
  });

  it.each<[Actor, boolean]>([
    ["anon", false],
    ["owner", false],
    ["other", false],
    ["service_role", true],
  ])("INSERT a profile as %s → allowed: %s", async (actor, allowed) => {
    await inRolledBackTx(pool, async (client) => {
      const { ownerId, otherId } = await setup(client, actor);
      // Free the owner's slot so only privileges can stop the insert; even the owner may not.
      await actAsOwner(client);
      await client.query("delete from public.user_profiles where user_id = $1", [ownerId]);
      if (actor === "owner") await actAsUser(client, ownerId);
      else if (actor === "other") await actAsUser(client, otherId);
      else await actAs(client, actor);
      const result = await attempt(client, "insert into public.user_profiles (user_id) values ($1)", [ownerId]);
      if (allowed) expect(result.rowCount).toBe(1);
      else expect(result.error?.code).toBe(PERMISSION_DENIED);
    });
  });

  it.each<[Actor, boolean]>([
    ["anon", false],
    ["owner", false],
    ["other", false],
    ["service_role", true],
  ])("DELETE the owner's profile as %s → allowed: %s", async (actor, allowed) => {
    await inRolledBackTx(pool, async (client) => {
      const { ownerId } = await setup(client, actor);
      const result = await attempt(client, "delete from public.user_profiles where user_id = $1", [ownerId]);
      if (allowed) expect(result.rowCount).toBe(1);
      else expect(result.error?.code).toBe(PERMISSION_DENIED);
    });
  });
});

describe("user_profile_history access matrix", () => {
  async function withHistory(client: pg.PoolClient, actor: Actor): Promise<string> {
    const { ownerId } = await setup(client, "owner");
    await client.query("update public.user_profiles set years_of_experience = 3 where user_id = $1", [ownerId]);
    await actAsOwner(client);
    const otherId = await insertUserLikeGoTrue(client);
    if (actor === "owner") await actAsUser(client, ownerId);
    else if (actor === "other") await actAsUser(client, otherId);
    else await actAs(client, actor);
    return ownerId;
  }

  it.each<[Actor, "rows" | "denied" | "none"]>([
    ["anon", "denied"],
    ["owner", "rows"],
    ["other", "none"],
    ["service_role", "rows"],
  ])("SELECT the owner's history as %s → %s", async (actor, outcome) => {
    await inRolledBackTx(pool, async (client) => {
      const ownerId = await withHistory(client, actor);
      const result = await attempt(client, "select field from public.user_profile_history where user_id = $1", [
        ownerId,
      ]);
      if (outcome === "denied") expect(result.error?.code).toBe(PERMISSION_DENIED);
      else expect(result.rows).toEqual(outcome === "rows" ? [{ field: "years_of_experience" }] : []);
    });
  });

  it.each<[Actor, string]>(
    (["anon", "owner", "other", "service_role"] as Actor[]).flatMap(
      (actor) =>
        [
          [
            actor,
            "insert into public.user_profile_history (profile_id, user_id, field) select profile_id, user_id, 'x' from public.user_profiles where user_id = $1",
          ],
          [actor, "update public.user_profile_history set new_value = '1' where user_id = $1"],
          [actor, "delete from public.user_profile_history where user_id = $1"],
        ] as [Actor, string][],
    ),
  )("as %s, %s is denied", async (actor, sql) => {
    await inRolledBackTx(pool, async (client) => {
      const ownerId = await withHistory(client, actor);
      const result = await attempt(client, sql, [ownerId]);
      expect(result.error?.code).toBe(PERMISSION_DENIED);
    });
  });
});
