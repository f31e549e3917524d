/**
 * Aggregates in `select`, as PostgREST: refused (400 PGRST123) unless `pgrst.db_aggregates_enabled`
 * is on; then `count()`, `col.sum()`, `.avg()`, `.max()`, `.min()` with casts and aliases, grouping
 * by the other columns, inside embeds, and hoisted out of to-one spreads.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rest, runFixture, sql } from "./rest-support";

beforeAll(() => runFixture("rest_aggregates.sql", "rest_ag_players", true));
afterAll(() => runFixture("rest_aggregates_drop.sql", "rest_ag_players", false));

async function get(path: string): Promise<{ status: number; body: unknown }> {
  const res = await rest(path);
  return { status: res.status, body: (await res.json()) as unknown };
}

describe("with aggregates off (PostgREST's default)", () => {
  it("refuses an aggregate with 400 PGRST123, and a bare count still counts", async () => {
    expect(await get("/rest_ag_players?select=points.sum()")).toEqual({
      status: 400,
      body: { code: "PGRST123", message: "Use of aggregate functions is not allowed", details: null, hint: null },
    });
    expect((await get("/rest_ag_teams?select=name,rest_ag_players(count)&order=id")).body).toEqual([
      { name: "Red", rest_ag_players: [{ count: 2 }] },
      { name: "Blue", rest_ag_players: [{ count: 1 }] },
    ]);
  });
});

describe("with pgrst.db_aggregates_enabled", () => {
  beforeAll(async () => {
    await sql("alter role authenticator set pgrst.db_aggregates_enabled = 'true'; notify pgrst, 'reload config'");
    for (let attempt = 0; attempt < 50; attempt++) {
      if ((await rest("/rest_ag_players?select=count()")).status === 200) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error("the REST service never read pgrst.db_aggregates_enabled");
  });

  it("aggregates the whole table, named by the function unless aliased", async () => {
    const { status, body } = await get("/rest_ag_players?select=points.sum(),points.avg(),most:points.max(),count()");
    expect(status).toBe(200);
    expect(body).toEqual([{ sum: 60, avg: 20, most: 30, count: 3 }]);
    expect((await get("/rest_ag_players?select=points.sum()::text")).body).toEqual([{ sum: "60" }]);
  });

  it("groups by the other selected columns", async () => {
    expect((await get("/rest_ag_players?select=team_id,total:points.sum()&order=team_id")).body).toEqual([
      { team_id: 1, total: 30 },
      { team_id: 2, total: 30 },
    ]);
  });

  it("aggregates inside an embed, per parent row", async () => {
    expect((await get("/rest_ag_teams?select=name,rest_ag_players(points.min(),n:count())&order=id")).body).toEqual([
      { name: "Red", rest_ag_players: [{ min: 10, n: 2 }] },
      { name: "Blue", rest_ag_players: [{ min: 30, n: 1 }] },
    ]);
  });

  it("hoists a to-one spread's aggregate into the node it spreads into", async () => {
    const { body } = await get("/rest_ag_players?select=...rest_ag_profiles(city,age.sum())");
    const rows = (body as { city: string }[]).sort((a, b) => a.city.localeCompare(b.city));
    expect(rows).toEqual([
      { city: "Oslo", sum: 70 },
      { city: "Rome", sum: 50 },
    ]);
  });

  it("names the relation as Postgres would in 42703: the table at the root, <table>_<depth> in embeds", async () => {
    expect(await get("/rest_ag_players?select=nope.sum()")).toEqual({
      status: 400,
      body: { code: "42703", message: "column rest_ag_players.nope does not exist", details: null, hint: null },
    });
    const embedded = await get("/rest_ag_teams?select=rest_ag_players(sum)");
    expect(embedded.body).toMatchObject({ code: "42703", message: "column rest_ag_players_1.sum does not exist" });
  });
});
