/**
 * Completion, defined once in the database: a table of profiles → expected percentage, missing
 * fields and is_complete; who may ask get_profile_completion about whom; and profile_completed /
 * completed_at kept true to the rule by the database.
 */
import { afterAll, describe, expect, it } from "vitest";
import type pg from "pg";
import { actAs, actAsOwner, actAsUser, createPool, inRolledBackTx, insertUserLikeGoTrue } from "./support/db";

const pool = createPool();
afterAll(() => pool.end());

const ALL = [
  "years_of_experience",
  "experience_level",
  "education_level",
  "field_of_study",
  "skills_technologies",
  "work_arrangement_preference",
  "preferred_locations",
  "salary_range",
];
const REQUIRED = ALL.slice(0, 3);
const without = (...fields: string[]) => ALL.filter((f) => !fields.includes(f));

type Case = [string, Record<string, unknown>, number, string[], boolean];

const cases: Case[] = [
  ["fresh profile: defaults are not answers", {}, 0, ALL, false],
  [
    "one required field answered",
    { answered_fields: ["years_of_experience"] },
    20,
    without("years_of_experience"),
    false,
  ],
  ["all required answered", { answered_fields: REQUIRED }, 60, ALL.slice(3), true],
  [
    "required answered but experience_level emptied",
    { answered_fields: REQUIRED, experience_level: null },
    40,
    ["experience_level", ...ALL.slice(3)],
    false,
  ],
  ["field_of_study answered but blank", { answered_fields: ["field_of_study"], field_of_study: "  " }, 0, ALL, false],
  [
    "field_of_study answered with a value",
    { answered_fields: ["field_of_study"], field_of_study: "Biology" },
    8,
    without("field_of_study"),
    false,
  ],
  ["field_of_study has a value but was never confirmed", { field_of_study: "Biology" }, 0, ALL, false],
  [
    "skills answered as an empty list",
    { answered_fields: ["skills_technologies"], skills_technologies: [] },
    0,
    ALL,
    false,
  ],
  [
    "skills answered with one item",
    { answered_fields: ["skills_technologies"], skills_technologies: ["SQL"] },
    8,
    without("skills_technologies"),
    false,
  ],
  [
    "work arrangement confirmed with its default",
    { answered_fields: ["work_arrangement_preference"] },
    8,
    without("work_arrangement_preference"),
    false,
  ],
  ["locations answered as null", { answered_fields: ["preferred_locations"] }, 0, ALL, false],
  [
    "locations answered with one item",
    { answered_fields: ["preferred_locations"], preferred_locations: ["Remote"] },
    8,
    without("preferred_locations"),
    false,
  ],
  ["salary_range answered with no bounds", { answered_fields: ["salary_range"] }, 0, ALL, false],
  [
    "salary_range with only a minimum",
    { answered_fields: ["salary_range"], salary_min: 1 },
    8,
    without("salary_range"),
    false,
  ],
  [
    "salary_range with only a maximum",
    { answered_fields: ["salary_range"], salary_max: 1 },
    8,
    without("salary_range"),
    false,
  ],
  [
    "optional fields only",
    {
      answered_fields: ALL.slice(3),
      field_of_study: "CS",
      skills_technologies: ["Go"],
      preferred_locations: ["Oslo"],
      salary_min: 1,
      salary_max: 2,
    },
    40,
    REQUIRED,
    false,
  ],
  [
    "everything",
    {
      answered_fields: ALL,
      field_of_study: "CS",
      skills_technologies: ["Go"],
      preferred_locations: ["Oslo"],
      salary_min: 1,
      salary_max: 2,
    },
    100,
    [],
    true,
  ],
];

async function profileWith(client: pg.PoolClient, values: Record<string, unknown>): Promise<string> {
  const userId = await insertUserLikeGoTrue(client);
  const columns = Object.keys(values);
  if (columns.length > 0) {
    const sets = columns.map((c, i) => `${c} = $${i + 2}`).join(", ");
    await client.query(`update public.user_profiles set ${sets} where user_id = $1`, [
      userId,
      ...columns.map((c) => values[c]),
    ]);
  }
  return userId;
}

/** Writes columns the trigger owns, bypassing it (inside the rolled-back test transaction only). */
async function force(client: pg.PoolClient, userId: string, assignments: string): Promise<void> {
  await actAsOwner(client);
  await client.query("alter table public.user_profiles disable trigger user_profiles_derive");
  await client.query(`update public.user_profiles set ${assignments} where user_id = $1`, [userId]);
  await client.query("alter table public.user_profiles enable trigger user_profiles_derive");
}

describe("get_profile_completion", () => {
  it.each(cases)("%s → %i %%", async (_name, values, percentage, missing, complete) => {
    await inRolledBackTx(pool, async (client) => {
      const userId = await profileWith(client, values);
      await actAsUser(client, userId);
      const { rows } = await client.query("select public.get_profile_completion() as c");
      expect(rows[0].c).toEqual({ completion_percentage: percentage, missing_fields: missing, is_complete: complete });
      const stored = await client.query(
        "select profile_completed, completed_at from public.user_profiles where user_id = $1",
        [userId],
      );
      expect(stored.rows[0].profile_completed).toBe(complete);
      expect(stored.rows[0].completed_at === null).toBe(!complete);
    });
  });

  it("answers for another user only to service_role; other users get null (RLS)", async () => {
    await inRolledBackTx(pool, async (client) => {
      const ownerId = await profileWith(client, { answered_fields: REQUIRED });
      const otherId = await insertUserLikeGoTrue(client);
      await actAsUser(client, otherId);
      const asOther = await client.query("select public.get_profile_completion($1) as c", [ownerId]);
      expect(asOther.rows[0].c).toBeNull();
      await actAs(client, "service_role");
      const asService = await client.query("select public.get_profile_completion($1) as c", [ownerId]);
      expect(asService.rows[0].c.completion_percentage).toBe(60);
    });
  });

  it("is not callable by anon", async () => {
    await inRolledBackTx(pool, async (client) => {
      await actAs(client, "anon");
      await expect(client.query("select public.get_profile_completion(gen_random_uuid())")).rejects.toMatchObject({
        code: "42501",
      });
    });
  });
});

describe("get_profile_with_completion", () => {
  it.each(cases)(
    "%s: the row and the same completion in one read",
    async (_name, values, percentage, missing, complete) => {
      await inRolledBackTx(pool, async (client) => {
        const userId = await profileWith(client, values);
        await actAsUser(client, userId);
        const { rows } = await client.query("select public.get_profile_with_completion() as r");
        expect(rows[0].r).toMatchObject({
          user_id: userId,
          completion_percentage: percentage,
          missing_fields: missing,
          is_complete: complete,
        });
      });
    },
  );

  it("answers for another user only to service_role; other users get null (RLS); anon may not call it", async () => {
    await inRolledBackTx(pool, async (client) => {
      const ownerId = await profileWith(client, { answered_fields: REQUIRED });
      const otherId = await insertUserLikeGoTrue(client);
      await actAsUser(client, otherId);
      const asOther = await client.query("select public.get_profile_with_completion($1) as r", [ownerId]);
      expect(asOther.rows[0].r).toBeNull();
      await actAs(client, "service_role");
      const asService = await client.query("select public.get_profile_with_completion($1) as r", [ownerId]);
      expect(asService.rows[0].r).toMatchObject({ user_id: ownerId, completion_percentage: 60 });
      await actAs(client, "anon");
      await expect(client.query("select public.get_profile_with_completion($1)", [ownerId])).rejects.toMatchObject({
        code: "42501",
      });
    });
  });
});

describe("profile_completed and completed_at", () => {
  it("follow completion: set on becoming complete, kept while complete, cleared when not", async () => {
    await inRolledBackTx(pool, async (client) => {
      const userId = await profileWith(client, {});
      await actAs(client, "service_role");
      const read = async () =>
        (
          await client.query("select profile_completed, completed_at from public.user_profiles where user_id = $1", [
            userId,
          ])
        ).rows[0];
      await client.query("update public.user_profiles set answered_fields = $2 where user_id = $1", [userId, REQUIRED]);
      const first = await read();
      expect(first.profile_completed).toBe(true);
      expect(first.completed_at).toBeInstanceOf(Date);

      // Still complete: completed_at keeps the moment it first became complete.
      await force(client, userId, "completed_at = '2001-01-01Z'");
      await actAs(client, "service_role");
      await client.query("update public.user_profiles set salary_min = 5, answered_fields = $2 where user_id = $1", [
        userId,
        [...REQUIRED, "salary_range"],
      ]);
      expect((await read()).completed_at.toISOString()).toBe(new Date("2001-01-01T00:00:00Z").toISOString());

      await client.query("update public.user_profiles set answered_fields = '{}' where user_id = $1", [userId]);
      expect(await read()).toEqual({ profile_completed: false, completed_at: null });
    });
  });

  it("cannot be forced by service_role either: the database derives them", async () => {
    await inRolledBackTx(pool, async (client) => {
      const userId = await profileWith(client, {});
      await actAs(client, "service_role");
      await client.query(
        "update public.user_profiles set profile_completed = true, completed_at = now() where user_id = $1",
        [userId],
      );
      const { rows } = await client.query(
        "select profile_completed, completed_at from public.user_profiles where user_id = $1",
        [userId],
      );
      expect(rows[0]).toEqual({ profile_completed: false, completed_at: null });
    });
  });

  it("updated_at moves on a real change only, and created_at never moves", async () => {
    await inRolledBackTx(pool, async (client) => {
      const userId = await profileWith(client, {});
      await force(client, userId, "created_at = '2001-01-01Z', updated_at = '2001-01-01Z'");
      const read = async () =>
        (await client.query("select created_at, updated_at from public.user_profiles where user_id = $1", [userId]))
          .rows[0];
      const old = new Date("2001-01-01T00:00:00Z");

      // No-op updates (including attempts to set the timestamps) change nothing.
      await client.query(
        "update public.user_profiles set years_of_experience = years_of_experience where user_id = $1",
        [userId],
      );
      await client.query("update public.user_profiles set created_at = now(), updated_at = now() where user_id = $1", [
        userId,
      ]);
      expect(await read()).toEqual({ created_at: old, updated_at: old });

      await client.query("update public.user_profiles set years_of_experience = 4 where user_id = $1", [userId]);
      const changed = await read();
      expect(changed.created_at).toEqual(old);
      expect(changed.updated_at.getTime()).toBeGreaterThan(old.getTime());
    });
  });
});
