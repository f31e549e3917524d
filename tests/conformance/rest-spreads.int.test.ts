/**
 * Spreads (`...rel(cols)`), as PostgREST 13+: a to-one spread puts the related row's columns into the
 * parent; a to-many spread puts each column in as an array of the related rows' values, in the embed's
 * order and within its limit (`[]` when there are none). `!inner` leaves out parent rows without a
 * related row, for both. Aggregates inside a to-many spread are refused (400 PGRST127), as PostgREST.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { configure, rest, runFixture, serviceClient } from "./rest-support";

beforeAll(() => runFixture("rest_spreads.sql", "rest_sp_clubs", true));
afterAll(() => runFixture("rest_spreads_drop.sql", "rest_sp_clubs", false));

async function get(path: string, headers: Record<string, string> = {}) {
  const res = await rest(path, { headers });
  return { status: res.status, range: res.headers.get("content-range"), body: (await res.json()) as unknown };
}

describe("a to-many spread", () => {
  it("is an array per column through supabase-js, [] for a parent without related rows", async () => {
    const { data, error } = await serviceClient()
      .from("rest_sp_clubs")
      .select("club:name, ...rest_sp_members(id, nick)")
      .order("id")
      .order("id", { referencedTable: "rest_sp_members" });
    expect(error).toBeNull();
    expect(data).toEqual([
      { club: "Chess", id: [1, 2, 3], nick: ["ana", "bo", "cy"] },
      { club: "Rowing", id: [4], nick: ["di"] },
      { club: "Empty", id: [], nick: [] },
    ]);
  });

  it("expands * to every column and renames a column by its alias", async () => {
    const star = await get("/rest_sp_clubs?select=id,...rest_sp_members(*)&id=eq.2");
    expect(star.body).toEqual([{ id: [4], club_id: [2], nick: ["di"], points: [20] }]);
    const aliased = await get(
      "/rest_sp_clubs?select=name,...rest_sp_members(score:points)&id=eq.1&rest_sp_members.order=id",
    );
    expect(aliased.body).toEqual([{ name: "Chess", score: [30, 10, null] }]);
  });

  it("keeps the embed's order, filters and limit", async () => {
    const ordered = await get(
      "/rest_sp_clubs?select=name,...rest_sp_members(nick)&id=eq.1&rest_sp_members.order=points.desc.nullslast",
    );
    expect(ordered.body).toEqual([{ name: "Chess", nick: ["ana", "bo", "cy"] }]);
    const firstTwo = await get(
      "/rest_sp_clubs?select=name,...rest_sp_members(nick)&id=eq.1&rest_sp_members.order=nick.desc&rest_sp_members.limit=2",
    );
    expect(firstTwo.body).toEqual([{ name: "Chess", nick: ["cy", "bo"] }]);
    const filtered = await get(
      "/rest_sp_clubs?select=name,...rest_sp_members(nick)&rest_sp_members.points=gt.15&order=id",
    );
    expect(filtered.body).toEqual([
      { name: "Chess", nick: ["ana"] },
      { name: "Rowing", nick: ["di"] },
      { name: "Empty", nick: [] },
    ]);
  });

  it("spreads a many-to-many relation through its junction table", async () => {
    const { body } = await get("/rest_sp_clubs?select=name,...rest_sp_tags(label)&order=id&rest_sp_tags.order=label");
    expect(body).toEqual([
      { name: "Chess", label: ["indoor", "quiet"] },
      { name: "Rowing", label: ["outdoor"] },
      { name: "Empty", label: [] },
    ]);
  });

  it("carries what is embedded or spread inside it, per related row", async () => {
    const embedded = await get(
      "/rest_sp_clubs?select=name,...rest_sp_members(nick,rest_sp_badges(colour))&id=eq.1&rest_sp_members.order=id",
    );
    expect(embedded.body).toEqual([
      { name: "Chess", nick: ["ana", "bo", "cy"], rest_sp_badges: [{ colour: "gold" }, null, null] },
    ]);
    const spread = await get(
      "/rest_sp_clubs?select=name,...rest_sp_members(...rest_sp_badges(colour))&order=id&rest_sp_members.order=id",
    );
    expect(spread.body).toEqual([
      { name: "Chess", colour: ["gold", null, null] },
      { name: "Rowing", colour: ["blue"] },
      { name: "Empty", colour: [] },
    ]);
  });

  it("with !inner leaves out parent rows without related rows, and counts as it reads", async () => {
    const { status, range, body } = await get("/rest_sp_clubs?select=name,...rest_sp_members!inner(nick)&order=id", {
      Prefer: "count=exact",
    });
    expect(status).toBe(200);
    expect(range).toBe("0-1/2");
    expect((body as { name: string }[]).map((row) => row.name)).toEqual(["Chess", "Rowing"]);
    const none = await get("/rest_sp_clubs?select=name,...rest_sp_members!inner(nick)&rest_sp_members.points=gt.100");
    expect(none.body).toEqual([]);
  });
});

describe("rel=is.null on a spread", () => {
  it("keeps the parent rows without related rows, or with them under not.is.null", async () => {
    const without = await get("/rest_sp_clubs?select=name,...rest_sp_members(nick)&rest_sp_members=is.null");
    expect(without.body).toEqual([{ name: "Empty", nick: [] }]);
    const withSome = await get(
      "/rest_sp_clubs?select=name,...rest_sp_members(nick)&rest_sp_members.points=gt.25&rest_sp_members=not.is.null",
    );
    expect(withSome.body).toEqual([{ name: "Chess", nick: ["ana"] }]);
    const noBadge = await get("/rest_sp_members?select=nick,...rest_sp_badges(colour)&rest_sp_badges=is.null&order=id");
    expect(noBadge.body).toEqual([
      { nick: "bo", colour: null },
      { nick: "cy", colour: null },
    ]);
  });
});

describe("a to-one spread", () => {
  it("puts the row's columns into the parent, null when there is none", async () => {
    const { body } = await get("/rest_sp_members?select=nick,...rest_sp_badges(colour)&order=id");
    expect(body).toEqual([
      { nick: "ana", colour: "gold" },
      { nick: "bo", colour: null },
      { nick: "cy", colour: null },
      { nick: "di", colour: "blue" },
    ]);
  });

  it("with !inner leaves out the rows that have none (a LEFT join used to keep them with nulls)", async () => {
    const { range, body } = await get("/rest_sp_members?select=nick,...rest_sp_badges!inner(colour)&order=id", {
      Prefer: "count=exact",
    });
    expect(body).toEqual([
      { nick: "ana", colour: "gold" },
      { nick: "di", colour: "blue" },
    ]);
    expect(range).toBe("0-1/2");
  });
});

describe("aggregates inside a to-many spread", () => {
  it("are refused as not allowed while aggregates are off", async () => {
    expect(await get("/rest_sp_clubs?select=name,...rest_sp_members(points.sum())")).toMatchObject({
      status: 400,
      body: { code: "PGRST123" },
    });
  });

  it("are not implemented with aggregates on: 400 PGRST127, directly or through a to-one spread inside", async () => {
    await configure("db_aggregates_enabled", "true", async () => (await rest("/rest_sp_clubs?select=count()")).ok);
    const refusal = {
      status: 400,
      range: null,
      body: {
        code: "PGRST127",
        message: "Feature not implemented",
        details: "Aggregates are not implemented for one-to-many or many-to-many spreads.",
        hint: null,
      },
    };
    expect(await get("/rest_sp_clubs?select=name,...rest_sp_members(points.sum())")).toEqual(refusal);
    expect(await get("/rest_sp_clubs?select=name,...rest_sp_members(count())")).toEqual(refusal);
    expect(await get("/rest_sp_clubs?select=...rest_sp_members(nick,...rest_sp_badges(colour.max()))")).toEqual(
      refusal,
    );
    // Aggregating the parent next to a to-many spread is allowed: the spread's arrays are grouped by.
    const grouped = await get("/rest_sp_clubs?select=n:count(),...rest_sp_members(nick)&id=eq.2");
    expect(grouped.body).toEqual([{ n: 1, nick: ["di"] }]);
  });
});
