/** The landing page's example profile shows the percentage the database gives that very state. */
import { afterAll, expect, it } from "vitest";
import { LANDING_PREVIEW } from "@/components/site/landing-preview";
import { createPool, inRolledBackTx, insertUserLikeGoTrue } from "./support/db";

const pool = createPool(2);
afterAll(() => pool.end());

it("scores the landing preview's state at the percentage it shows", async () => {
  await inRolledBackTx(pool, async (client) => {
    const userId = await insertUserLikeGoTrue(client);
    const { state } = LANDING_PREVIEW;
    await client.query(
      `update public.user_profiles
          set years_of_experience = $2, experience_level = $3, education_level = $4, field_of_study = $5,
              skills_technologies = $6, answered_fields = $7
        where user_id = $1`,
      [
        userId,
        state.years_of_experience,
        state.experience_level,
        state.education_level,
        state.field_of_study,
        state.skills_technologies,
        state.answered_fields,
      ],
    );
    const { rows } = await client.query(
      `select c.completion_percentage
         from public.user_profiles as p cross join lateral private.profile_completion(p) as c
        where p.user_id = $1`,
      [userId],
    );
    expect(rows[0].completion_percentage).toBe(LANDING_PREVIEW.percentage);
  });
});
