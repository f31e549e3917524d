/**
 * The audit trail: one user_profile_history row per changed column per update, with old and new
 * values, who (auth.uid(), or null for service_role) and when; no row for a no-op update.
 */
import { afterAll, describe, expect, it } from "vitest";
import type pg from "pg";
import { actAs, actAsOwner, actAsUser, createPool, inRolledBackTx, insertUserLikeGoTrue } from "./support/db";

const pool = createPool();
afterAll(() => pool.end());

async function history(client: pg.PoolClient, userId: string) {
  await actAsOwner(client);
  const { rows } = await client.query(
    `select h.field, h.old_value, h.new_value, h.changed_by, h.changed_at is not null as has_time,
            h.profile_id = p.profile_id as same_profile
     from public.user_profile_history h join public.user_profiles p using (user_id)
     where h.user_id = $1 order by h.id`,
    [userId],
  );
  return rows;
}

describe("user_profile_history", () => {
  it("records each changed field of an owner's update, with who and when", async () => {
    await inRolledBackTx(pool, async (client) => {
      const userId = await insertUserLikeGoTrue(client);
      expect(await history(client, userId)).toEqual([]);
      await actAsUser(client, userId);
      await client.query(
        `select public.save_profile_step('experience', '{"years_of_experience": 5, "experience_level": "mid"}')`,
      );
      await client.query(
        "update public.user_profiles set skills_technologies = '{SQL,Go}', salary_currency = 'USD' where user_id = $1",
        [userId],
      );
      const rows = await history(client, userId);
      const byField = Object.fromEntries(rows.map((r) => [r.field, r]));
      // salary_currency was set to its current value: not a change.
      expect(Object.keys(byField).sort()).toEqual([
        "answered_fields",
        "experience_level",
        "skills_technologies",
        "years_of_experience",
      ]);
      expect(byField.years_of_experience).toMatchObject({
        old_value: 0,
        new_value: 5,
        changed_by: userId,
        has_time: true,
        same_profile: true,
      });
      expect(byField.experience_level).toMatchObject({ old_value: "entry", new_value: "mid" });
      expect(byField.skills_technologies).toMatchObject({ old_value: null, new_value: ["SQL", "Go"] });
      expect(byField.answered_fields).toMatchObject({ old_value: [] });
      expect([...(byField.answered_fields?.new_value as string[])].sort()).toEqual([
        "experience_level",
        "years_of_experience",
      ]);
    });
  });

  it("records the derived columns when completion changes", async () => {
    await inRolledBackTx(pool, async (client) => {
      const userId = await insertUserLikeGoTrue(client);
      // answered_fields is written by save_profile_step only; service_role may still set it directly.
      await actAs(client, "service_role");
      await client.query(
        "update public.user_profiles set answered_fields = '{years_of_experience,experience_level,education_level}' where user_id = $1",
        [userId],
      );
      const fields = (await history(client, userId)).map((r) => r.field).sort();
      expect(fields).toEqual(["answered_fields", "completed_at", "profile_completed"]);
    });
  });

  it("writes nothing for a no-op update", async () => {
    await inRolledBackTx(pool, async (client) => {
      const userId = await insertUserLikeGoTrue(client);
      await actAsUser(client, userId);
      const result = await client.query(
        "update public.user_profiles set years_of_experience = 0, experience_level = 'entry' where user_id = $1",
        [userId],
      );
      expect(result.rowCount).toBe(1);
      expect(await history(client, userId)).toEqual([]);
    });
  });

  it("records service_role changes with changed_by null", async () => {
    await inRolledBackTx(pool, async (client) => {
      const userId = await insertUserLikeGoTrue(client);
      await actAs(client, "service_role");
      await client.query("update public.user_profiles set field_of_study = 'Law' where user_id = $1", [userId]);
      expect(await history(client, userId)).toEqual([
        {
          field: "field_of_study",
          old_value: null,
          new_value: "Law",
          changed_by: null,
          has_time: true,
          same_profile: true,
        },
      ]);
    });
  });

  it("is removed with the user (cascade)", async () => {
    await inRolledBackTx(pool, async (client) => {
      const userId = await insertUserLikeGoTrue(client);
      await client.query("update public.user_profiles set years_of_experience = 2 where user_id = $1", [userId]);
      await client.query("delete from auth.users where id = $1", [userId]);
      const { rows } = await client.query(
        "select count(*)::int as n from public.user_profile_history where user_id = $1",
        [userId],
      );
      expect(rows[0].n).toBe(0);
    });
  });
});
