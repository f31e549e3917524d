/**
 * public.save_profile_step: the one write for wizard answers. It writes a step's columns and marks
 * their fields answered atomically, as the caller's own row only, and refuses what an attacker would
 * try: another user's row, a column outside the step, a database-owned column, an unknown step.
 * answered_fields / skipped_fields are not writable by API roles at all.
 */
import { afterAll, describe, expect, it } from "vitest";
import type pg from "pg";
import { actAs, actAsOwner, actAsUser, attempt, createPool, inRolledBackTx, insertUserLikeGoTrue } from "./support/db";

const pool = createPool();
afterAll(() => pool.end());

async function rowOf(client: pg.ClientBase, userId: string) {
  await actAsOwner(client);
  const { rows } = await client.query("select * from public.user_profiles where user_id = $1", [userId]);
  return rows[0] as Record<string, unknown>;
}

async function save(client: pg.ClientBase, step: string, values: unknown, userId?: string) {
  return attempt(client, "select public.save_profile_step($1, $2::jsonb, $3) as saved", [
    step,
    values === null ? null : JSON.stringify(values),
    userId ?? null,
  ]);
}

describe("save_profile_step", () => {
  it("writes the step, merges answered fields and returns the row with its completion", async () => {
    await inRolledBackTx(pool, async (client) => {
      const me = await insertUserLikeGoTrue(client);
      await actAsUser(client, me);
      const first = await save(client, "experience", { years_of_experience: 7, experience_level: "senior" });
      expect(first.error).toBeNull();
      expect(first.rows[0]?.saved).toMatchObject({
        user_id: me,
        years_of_experience: 7,
        experience_level: "senior",
        answered_fields: expect.arrayContaining(["years_of_experience", "experience_level"]),
        completion_percentage: 40,
        is_complete: false,
      });
      const second = await save(client, "education", { education_level: "masters", field_of_study: "Physics" });
      expect(second.rows[0]?.saved).toMatchObject({ completion_percentage: 68, is_complete: true });
      expect(((await rowOf(client, me)).answered_fields as string[]).sort()).toEqual(
        ["education_level", "experience_level", "field_of_study", "years_of_experience"].sort(),
      );
    });
  });

  it("a partial save marks only the fields whose columns it wrote", async () => {
    await inRolledBackTx(pool, async (client) => {
      const me = await insertUserLikeGoTrue(client);
      await actAsUser(client, me);
      await save(client, "experience", { years_of_experience: 3 });
      expect((await rowOf(client, me)).answered_fields).toEqual(["years_of_experience"]);
    });
  });

  it("skipping clears only fields not answered before and records them as skipped", async () => {
    await inRolledBackTx(pool, async (client) => {
      const me = await insertUserLikeGoTrue(client);
      await actAsUser(client, me);
      await save(client, "preferences", { preferred_locations: ["Berlin"] });
      const skipped = await save(client, "preferences", null);
      expect(skipped.error).toBeNull();
      const row = await rowOf(client, me);
      expect(row).toMatchObject({ preferred_locations: ["Berlin"], work_arrangement_preference: null });
      expect(row.skipped_fields).toEqual(["work_arrangement_preference"]);
      // Answering later removes the skip mark.
      await actAsUser(client, me);
      await save(client, "preferences", { work_arrangement_preference: "remote" });
      expect((await rowOf(client, me)).skipped_fields).toEqual([]);
    });
  });

  it("a step with a required field cannot be skipped", async () => {
    await inRolledBackTx(pool, async (client) => {
      const me = await insertUserLikeGoTrue(client);
      await actAsUser(client, me);
      expect((await save(client, "experience", null)).error?.code).toBe("22023");
      expect((await rowOf(client, me)).answered_fields).toEqual([]);
    });
  });

  it("skipping salary keeps the currency", async () => {
    await inRolledBackTx(pool, async (client) => {
      const me = await insertUserLikeGoTrue(client);
      await actAsUser(client, me);
      await save(client, "salary", null);
      expect(await rowOf(client, me)).toMatchObject({ salary_min: null, salary_currency: "USD" });
    });
  });

  it("acts only on the caller's row: naming another user is refused and changes nothing", async () => {
    await inRolledBackTx(pool, async (client) => {
      const me = await insertUserLikeGoTrue(client);
      const victim = await insertUserLikeGoTrue(client);
      await actAsUser(client, me);
      const result = await save(client, "experience", { years_of_experience: 70 }, victim);
      expect(result.error?.code).toBe("42501");
      expect(await rowOf(client, victim)).toMatchObject({ years_of_experience: 0, answered_fields: [] });
    });
  });

  it.each([
    ["a column of another step", "experience", { years_of_experience: 1, salary_min: 5 }],
    ["answered_fields itself", "experience", { answered_fields: ["years_of_experience"] }],
    ["a database-owned column", "experience", { profile_completed: true }],
    ["another row's owner", "experience", { user_id: "00000000-0000-0000-0000-000000000000" }],
    ["an unknown step", "admin", { years_of_experience: 1 }],
    ["a non-object", "experience", [1, 2]],
  ])("refuses %s with 22023 and writes nothing", async (_name, step, values) => {
    await inRolledBackTx(pool, async (client) => {
      const me = await insertUserLikeGoTrue(client);
      await actAsUser(client, me);
      const result = await save(client, step, values);
      expect(result.error?.code).toBe("22023");
      expect(await rowOf(client, me)).toMatchObject({ years_of_experience: 0, answered_fields: [], salary_min: null });
    });
  });

  it("a CHECK violation comes back as 23514 with the constraint's name", async () => {
    await inRolledBackTx(pool, async (client) => {
      const me = await insertUserLikeGoTrue(client);
      await actAsUser(client, me);
      const result = await save(client, "experience", { years_of_experience: 71 });
      expect(result.error).toMatchObject({ code: "23514", constraint: "user_profiles_years_of_experience_range" });
    });
  });

  it("anon may not call it; a signed-out authenticated call is refused", async () => {
    await inRolledBackTx(pool, async (client) => {
      await actAs(client, "anon");
      expect((await save(client, "experience", { years_of_experience: 1 })).error?.code).toBe("42501");
      await actAs(client, "authenticated");
      expect((await save(client, "experience", { years_of_experience: 1 })).error?.code).toBe("42501");
    });
  });

  it("service_role saves for the user it names", async () => {
    await inRolledBackTx(pool, async (client) => {
      const someone = await insertUserLikeGoTrue(client);
      await actAs(client, "service_role");
      expect((await save(client, "skills", { skills_technologies: ["SQL"] }, someone)).error).toBeNull();
      expect(await rowOf(client, someone)).toMatchObject({
        skills_technologies: ["SQL"],
        answered_fields: ["skills_technologies"],
      });
    });
  });

  it.each(["answered_fields = '{years_of_experience,experience_level,education_level}'", "skipped_fields = '{}'"])(
    "the owner may not UPDATE %s directly (no column grant)",
    async (assignment) => {
      await inRolledBackTx(pool, async (client) => {
        const me = await insertUserLikeGoTrue(client);
        await actAsUser(client, me);
        const result = await attempt(client, `update public.user_profiles set ${assignment} where user_id = $1`, [me]);
        expect(result.error?.code).toBe("42501");
        expect(await rowOf(client, me)).toMatchObject({ answered_fields: [], profile_completed: false });
      });
    },
  );
});
