/**
 * The dashboard's recent sign-ups: the name a person gave at sign-up, and masked addresses that keep
 * similar accounts apart without showing any of them whole.
 */
import { afterAll, describe, expect, it } from "vitest";
import { actAs, createPool, inRolledBackTx, insertUserLikeGoTrue } from "./support/db";

const pool = createPool();
afterAll(() => pool.end());

describe("admin_recent_signups", () => {
  it("names people and masks addresses so they stay distinguishable", async () => {
    await inRolledBackTx(pool, async (client) => {
      const ada = await insertUserLikeGoTrue(client, {
        email: "user.ada.one@example.test",
        userMetadata: { full_name: "  Ada Lovelace " },
      });
      const nameless = await insertUserLikeGoTrue(client, { email: "user.two@example.test" });
      await actAs(client, "service_role");
      const recent = (await client.query("select * from public.admin_recent_signups(10)")).rows;
      const byId = Object.fromEntries(recent.map((row) => [row.user_id, row]));
      expect(byId[ada]).toMatchObject({ full_name: "Ada Lovelace", email_masked: "u***ne@example.test" });
      expect(byId[nameless]).toMatchObject({ full_name: null, email_masked: "u***wo@example.test" });
    });
  });

  it.each([
    ["al@example.test", "a***@example.test"],
    ["bob@example.test", "b***@example.test"],
    ["dora@example.test", "d***a@example.test"],
    ["alice.smith@example.test", "a***th@example.test"],
    ["no-at-sign", null],
  ])("masks %j as %j, never the whole local part", async (email, masked) => {
    const { rows } = await pool.query("select private.mask_email($1) as masked", [email]);
    expect(rows[0].masked).toBe(masked);
  });
});
