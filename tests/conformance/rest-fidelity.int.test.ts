/**
 * Answers where the local REST service once differed from PostgREST, each checked against what
 * PostgREST answers: range operators, counts in embeds, embedding through foreign-key columns,
 * constraint names, self-references and junction tables, duplicate embed names, row-type and scalar
 * functions, `missing=default` with identity columns, upserts that only update, `tx=rollback` under
 * `pgrst.db_tx_end`, and `max-affected`.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rest, runFixture, serviceClient, sql } from "./rest-support";

beforeAll(() => runFixture("rest_fidelity.sql", "rest_f_authors", true));
afterAll(() => runFixture("rest_fidelity_drop.sql", "rest_f_authors", false));

async function json(path: string, init: RequestInit = {}): Promise<{ status: number; body: unknown; res: Response }> {
  const res = await rest(path, { ...init, headers: { "Content-Type": "application/json", ...init.headers } });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as unknown) : null, res };
}

describe("filters", () => {
  it("nxl is 'does not extend to the left of' (&>), nxr 'to the right of' (&<)", async () => {
    expect((await json("/rest_f_spans?select=id&span=nxl.[3,8)")).body).toEqual([{ id: 2 }]);
    expect((await json("/rest_f_spans?select=id&span=nxr.[3,8)")).body).toEqual([{ id: 1 }]);
  });
});

describe("embedding", () => {
  it("counts an embed with a bare count, and the root with select=count", async () => {
    const embedded = await json("/rest_f_authors?select=name,rest_f_posts!author_id(count)&order=id");
    expect(embedded.body).toEqual([
      { name: "Ada", rest_f_posts: [{ count: 2 }] },
      { name: "Grace", rest_f_posts: [{ count: 1 }] },
    ]);
    expect((await json("/rest_f_posts?select=count")).body).toEqual([{ count: 3 }]);
  });

  it("embeds through a foreign-key column name and through a constraint name", async () => {
    const byColumn = await json("/rest_f_posts?select=title,author_id(name),editor_id(name)&id=eq.1");
    expect(byColumn.body).toEqual([{ title: "First", author_id: { name: "Ada" }, editor_id: { name: "Grace" } }]);
    const byConstraint = await json("/rest_f_posts?select=title,rest_f_posts_editor_id_fkey(name)&id=eq.3");
    expect(byConstraint.body).toEqual([{ title: "Third", rest_f_posts_editor_id_fkey: { name: "Ada" } }]);
  });

  it("reads a self-reference: the table name and !column give the children, the column the parent", async () => {
    const children = await json("/rest_f_folders?select=name,rest_f_folders(name)&id=eq.1");
    expect(children.body).toEqual([{ name: "root", rest_f_folders: [{ name: "docs" }, { name: "pics" }] }]);
    const hinted = await json("/rest_f_folders?select=name,kids:rest_f_folders!parent_id(name)&id=eq.2");
    expect(hinted.body).toEqual([{ name: "docs", kids: [{ name: "drafts" }] }]);
    const parent = await json("/rest_f_folders?select=name,parent_id(name)&id=eq.4");
    expect(parent.body).toEqual([{ name: "drafts", parent_id: { name: "docs" } }]);
  });

  it("asks for a hint when two foreign keys lead to one table (300 PGRST201, PostgREST's wording)", async () => {
    const { status, body } = await json("/rest_f_posts?select=*,rest_f_authors(*)");
    expect(status).toBe(300);
    expect(body).toMatchObject({
      code: "PGRST201",
      hint: "Try changing 'rest_f_authors' to one of the following: 'rest_f_authors!rest_f_posts_author_id_fkey', 'rest_f_authors!rest_f_posts_editor_id_fkey'. Find the desired relationship in the 'details' key.",
    });
  });

  it("embeds many-to-many through a junction table", async () => {
    const { body } = await json("/rest_f_authors?select=name,rest_f_books(title)&order=id&rest_f_books.order=id");
    expect(body).toEqual([
      { name: "Ada", rest_f_books: [{ title: "Notes" }, { title: "Compilers" }] },
      { name: "Grace", rest_f_books: [{ title: "Compilers" }] },
    ]);
  });

  const noRelationship = (parent: string, target: string, using = "") => ({
    code: "PGRST200",
    message: `Could not find a relationship between '${parent}' and '${target}' in the schema cache`,
    details: `Searched for a foreign key relationship between '${parent}' and '${target}'${using} in the schema 'public', but no matches were found.`,
  });

  it("PGRST200 suggests the closest table the parent relates to", async () => {
    expect(await json("/rest_f_authors?select=name,rest_f_post(title)")).toMatchObject({
      status: 400,
      body: {
        ...noRelationship("rest_f_authors", "rest_f_post"),
        hint: "Perhaps you meant 'rest_f_posts' instead of 'rest_f_post'.",
      },
    });
  });

  it("PGRST200 from a table without relationships suggests the closest table that has some", async () => {
    expect(await json("/rest_f_author?select=id,rest_f_posts(title)")).toMatchObject({
      status: 400,
      body: {
        ...noRelationship("rest_f_author", "rest_f_posts"),
        hint: "Perhaps you meant 'rest_f_authors' instead of 'rest_f_author'.",
      },
    });
  });

  it("PGRST200 gives no hint when the target is related and only the !hint is wrong", async () => {
    expect(await json("/rest_f_authors?select=name,rest_f_posts!nope(title)")).toMatchObject({
      status: 400,
      body: { ...noRelationship("rest_f_authors", "rest_f_posts", " using the hint 'nope'"), hint: null },
    });
  });

  it("PGRST200 from the rows of a `returns table` function has PostgREST's details", async () => {
    // The hint names whichever related table of the whole schema is closest to the function's name.
    expect(await json("/rpc/rest_f_pairs?select=a,rest_f_posts(title)")).toMatchObject({
      status: 400,
      body: noRelationship("rest_f_pairs", "rest_f_posts"),
    });
  });

  it("refuses two embeds under one name with 42712 instead of duplicate JSON keys", async () => {
    const { status, body } = await json(
      "/rest_f_posts?select=rest_f_authors!author_id(name),rest_f_authors!editor_id(name)",
    );
    expect(status).toBe(400);
    expect(body).toEqual({
      code: "42712",
      details: null,
      hint: null,
      message: 'table name "rest_f_posts_rest_f_authors_1" specified more than once',
    });
  });
});

describe("functions", () => {
  it("reads a JSON object as a row-type argument", async () => {
    const { status, body } = await json("/rpc/rest_f_author_label", {
      method: "POST",
      body: JSON.stringify({ author: { id: 7, name: "Lin" } }),
    });
    expect(status).toBe(200);
    expect(body).toBe("Lin #7");
  });

  it("counts a scalar result as one row (Content-Range 0-0/1)", async () => {
    const { res, body } = await json("/rpc/rest_f_answer", { method: "POST", headers: { Prefer: "count=exact" } });
    expect(body).toBe(42);
    expect(res.headers.get("content-range")).toBe("0-0/1");
  });
});

describe("writes", () => {
  it("missing=default fills an identity column and other defaults per row", async () => {
    const { status, body } = await json('/rest_f_tags?columns="id","label"&select=id,label', {
      method: "POST",
      headers: { Prefer: "missing=default, return=representation" },
      body: JSON.stringify([{ id: 100 }, { label: "named" }]),
    });
    expect(status).toBe(201);
    const rows = body as { id: number; label: string }[];
    expect(rows[0]).toEqual({ id: 100, label: "untitled" });
    expect(rows[1]?.label).toBe("named");
    expect(typeof rows[1]?.id).toBe("number");
  });

  it("missing=default evaluates each default for every row, as PostgREST (the sequence advances for both)", async () => {
    const [before] = await sql<{ n: string }>("select nextval('public.rest_f_tags_id_seq') as n");
    const { body } = await json('/rest_f_tags?columns="id","label"&select=id', {
      method: "POST",
      headers: { Prefer: "missing=default, return=representation" },
      body: JSON.stringify([{ id: 200 }, { label: "second" }]),
    });
    expect(body).toEqual([{ id: 200 }, { id: Number(before?.n) + 2 }]);
  });

  it("answers 200 to an upsert that only updated and 201 to one that inserted", async () => {
    const upsert = (rows: object[]) =>
      json("/rest_f_books?select=id,title", {
        method: "POST",
        headers: { Prefer: "resolution=merge-duplicates, return=representation" },
        body: JSON.stringify(rows),
      });
    const updated = await upsert([{ id: 3, title: "Read" }]);
    expect(updated.status).toBe(200);
    expect(updated.body).toEqual([{ id: 3, title: "Read" }]);
    expect(
      (
        await upsert([
          { id: 3, title: "Read" },
          { id: 4, title: "New" },
        ])
      ).status,
    ).toBe(201);
  });

  it("ignores tx=rollback under PostgREST's default db_tx_end = commit", async () => {
    const { res } = await json("/rest_f_spans", {
      method: "POST",
      headers: { Prefer: "tx=rollback" },
      body: JSON.stringify({ id: 30, span: "[1,2)" }),
    });
    expect(res.status).toBe(201);
    expect(res.headers.get("preference-applied")).toBeNull();
    expect((await serviceClient().from("rest_f_spans").select("id").eq("id", 30)).data).toEqual([{ id: 30 }]);
  });

  it("rolls back a write the client asked not to keep when db_tx_end allows the override", async () => {
    await sql("alter role authenticator set pgrst.db_tx_end = 'commit-allow-override'; notify pgrst, 'reload config'");
    try {
      let answer: Awaited<ReturnType<typeof json>> | undefined;
      for (let attempt = 0; attempt < 50; attempt++) {
        answer = await json("/rest_f_spans?select=id", {
          method: "POST",
          headers: { Prefer: "tx=rollback, return=representation" },
          body: JSON.stringify({ id: 40, span: "[1,2)" }),
        });
        if (answer.res.headers.get("preference-applied")?.includes("tx=rollback")) break;
        await sql("delete from public.rest_f_spans where id = 40");
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(answer?.status).toBe(201);
      expect(answer?.body).toEqual([{ id: 40 }]);
      expect(answer?.res.headers.get("preference-applied")).toContain("tx=rollback");
      expect((await serviceClient().from("rest_f_spans").select("id").eq("id", 40)).data).toEqual([]);
      const patched = await json("/rest_f_authors?id=eq.1", {
        method: "PATCH",
        headers: { Prefer: "tx=rollback" },
        body: JSON.stringify({ name: "Changed" }),
      });
      expect(patched.status).toBe(204);
      expect((await serviceClient().from("rest_f_authors").select("name").eq("id", 1)).data).toEqual([{ name: "Ada" }]);
    } finally {
      await sql("alter role authenticator reset pgrst.db_tx_end; notify pgrst, 'reload config'");
    }
  });

  it("refuses a write over max-affected with handling=strict (PGRST124) and keeps the rows", async () => {
    const { status, body } = await json("/rest_f_posts?author_id=eq.1", {
      method: "PATCH",
      headers: { Prefer: "handling=strict, max-affected=1" },
      body: JSON.stringify({ title: "Overwritten" }),
    });
    expect(status).toBe(400);
    expect(body).toEqual({
      code: "PGRST124",
      details: "The query affects 2 rows",
      hint: null,
      message: "Query result exceeds max-affected preference constraint",
    });
    const { data } = await serviceClient().from("rest_f_posts").select("title").eq("author_id", 1).order("id");
    expect(data).toEqual([{ title: "First" }, { title: "Second" }]);
    const within = await json("/rest_f_posts?id=eq.2", {
      method: "PATCH",
      headers: { Prefer: "handling=strict, max-affected=1" },
      body: JSON.stringify({ title: "Second!" }),
    });
    expect(within.status).toBe(204);
  });
});
