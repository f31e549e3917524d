import { describe, expect, it } from "vitest";
import { addViewKeys, viewColumnOrigins, type NumberedForeignKey } from "./view-keys";
import type { Table } from "./types";

/** The shape of `pg_rewrite.ev_action` text (fields trimmed): a subquery's target list comes first. */
const NESTED =
  "({QUERY :commandType 1 :rtable ({RANGETBLENTRY :subquery {QUERY :targetList ({TARGETENTRY :resno 1 " +
  ":resorigtbl 99 :resorigcol 9 :resjunk false})} :relid 0}) :jointree {FROMEXPR :quals <>} " +
  ":targetList ({TARGETENTRY :expr {VAR :varno 1 :varattno 1 :location -1} :resno 1 :resname c,o\\ l\\) " +
  ":ressortgroupref 0 :resorigtbl 16815 :resorigcol 1 :resjunk false} {TARGETENTRY :expr {FUNCEXPR " +
  ":args ({VAR :varno 1})} :resno 2 :resname up :resorigtbl 0 :resorigcol 0 :resjunk false} " +
  "{TARGETENTRY :expr {VAR} :resno 3 :resname \\{x :resorigtbl 16815 :resorigcol 2 :resjunk true}) " +
  ":havingQual {SUBLINK :subselect {QUERY :targetList ({TARGETENTRY :resno 1 :resorigtbl 7 :resorigcol 7 :resjunk false})}}})";

describe("viewColumnOrigins", () => {
  it("reads the top query's target list only, with escaped names and junk entries left out", () => {
    expect(viewColumnOrigins(NESTED)).toEqual([
      { resno: 1, table: 16815, column: 1 },
      { resno: 2, table: 0, column: 0 },
    ]);
  });

  it("reads an empty target list as no columns", () => {
    expect(viewColumnOrigins("({QUERY :rtable <> :targetList <> :sortClause <>})")).toEqual([]);
  });
});

describe("addViewKeys", () => {
  const view = (name: string): Table => ({
    schema: "public",
    name,
    kind: "view",
    columns: new Map(),
    pk: [],
    uniques: [],
    description: null,
  });
  const fk: NumberedForeignKey = {
    name: "posts_author_fkey",
    schema: "private",
    table: "posts",
    columns: ["author"],
    refSchema: "private",
    refTable: "people",
    refColumns: ["id"],
    oneToOne: false,
    relid: 10,
    keys: [2],
    refRelid: 20,
    refKeys: [1],
  };

  it("copies a foreign key to the views that reference all its columns, renamed, each way and between views", () => {
    const tables = new Map([
      ["public.post_list", view("post_list")],
      ["public.people_list", view("people_list")],
    ]);
    const views = [
      // post_list: id (posts.id), writer (posts.author), twice (posts.author again)
      {
        oid: 100,
        schema: "public",
        name: "post_list",
        columns: new Map([
          [1, "id"],
          [2, "writer"],
          [3, "twice"],
        ]),
        origins: [
          { resno: 1, table: 10, column: 1 },
          { resno: 2, table: 10, column: 2 },
          { resno: 3, table: 10, column: 2 },
        ],
      },
      // people_list over a view over people: person (people.id), label (an expression)
      {
        oid: 200,
        schema: "public",
        name: "people_list",
        columns: new Map([
          [1, "person"],
          [2, "label"],
        ]),
        origins: [
          { resno: 1, table: 300, column: 1 },
          { resno: 2, table: 0, column: 0 },
        ],
      },
      {
        oid: 300,
        schema: "public",
        name: "inner",
        columns: new Map([[1, "id"]]),
        origins: [{ resno: 1, table: 20, column: 1 }],
      },
    ];
    const keys = [
      { type: "p", relid: 10, keys: [1] },
      { type: "p", relid: 20, keys: [1] },
    ];
    const derived = addViewKeys(tables, views, keys, [fk]);
    const pairs = derived.map((d) => `${d.table}(${d.columns.join()})->${d.refTable}(${d.refColumns.join()})`);
    expect(pairs).toEqual([
      "post_list(writer)->people(id)",
      "post_list(twice)->people(id)",
      "posts(author)->people_list(person)",
      "posts(author)->inner(id)",
      "post_list(writer)->people_list(person)",
      "post_list(writer)->inner(id)",
      "post_list(twice)->people_list(person)",
      "post_list(twice)->inner(id)",
    ]);
    expect(tables.get("public.post_list")?.pk).toEqual(["id"]);
    expect(tables.get("public.people_list")?.pk).toEqual(["person"]);
  });
});
