/**
 * lib/database.types.ts is generated from the database (`npm run db:types`). This test regenerates
 * it from SUPABASE_DB_URL and fails when the committed file differs, so a migration cannot land
 * without its types. It also shows the comparison notices a schema change.
 */
import { readFile } from "node:fs/promises";
import { afterAll, describe, expect, it } from "vitest";
import { generateFromClient, TYPES_FILE } from "@/scripts/lib/db-types/generate";
import { createPool, inRolledBackTx } from "./support/db";

const pool = createPool(2);
afterAll(() => pool.end());

const STALE = "lib/database.types.ts is stale — run npm run db:types";

/** The first differing line, so a failure says where the file and the database disagree. */
function firstDifference(expected: string, actual: string): string {
  const a = expected.split("\n");
  const b = actual.split("\n");
  const line = a.findIndex((text, index) => text !== b[index]);
  const at = line === -1 ? a.length : line;
  return `first difference at line ${at + 1}: committed ${JSON.stringify(a[at] ?? "<end>")}, database ${JSON.stringify(b[at] ?? "<end>")}`;
}

async function generate(): Promise<string> {
  const client = await pool.connect();
  try {
    return await generateFromClient(client);
  } finally {
    client.release();
  }
}

describe("lib/database.types.ts", () => {
  it("matches the database", async () => {
    const committed = await readFile(TYPES_FILE, "utf8");
    const generated = await generate();
    if (generated !== committed) expect.fail(`${STALE} (${firstDifference(committed, generated)})`);
  });

  it("is generated deterministically", async () => {
    expect(await generate()).toBe(await generate());
  });

  it("notices a schema change (a new table in public, rolled back)", async () => {
    const committed = await readFile(TYPES_FILE, "utf8");
    const changed = await inRolledBackTx(pool, async (client) => {
      await client.query(`create table public.types_probe (id bigint generated always as identity primary key,
        note text not null, tags text[], payload jsonb not null default '{}')`);
      return generateFromClient(client);
    });
    expect(changed).not.toBe(committed);
    const probe = changed.slice(changed.indexOf("types_probe: {"), changed.indexOf("user_profile_history: {"));
    expect(probe).toContain("Row: {\n          id: number;\n          note: string;");
    expect(probe).toContain("payload: NonNullable<Json>;");
    expect(probe).toContain("tags: string[] | null;");
    expect(probe).toMatch(/Insert: \{\n\s+id\?: never;\n\s+note: string;\n\s+payload\?: NonNullable<Json>;/);
  });
});
