/** Parser tables: query-string pieces → AST, and the inputs PostgREST refuses with PGRST100. */
import { describe, expect, it } from "vitest";
import { ApiError } from "../errors";
import { parseFilterValue, parseLogicValue } from "./filter";
import { parseColumnList, parseOrder } from "./order";
import { splitKey } from "./params";
import { parsePrefer } from "./prefer";
import { parseSelect } from "./select";

const col = (name: string, extra: object = {}) => ({ kind: "column", field: { name, json: [] }, ...extra });

describe("select", () => {
  it.each([
    ["*", [{ kind: "star" }]],
    ["id,name", [col("id"), col("name")]],
    ["label:name", [col("name", { alias: "label" })]],
    ["id::text", [col("id", { cast: "text" })]],
    ["n:id::double precision", [col("id", { alias: "n", cast: "double precision" })]],
    ["tags::_text", [col("tags", { cast: "_text" })]],
    ["id:: Double  Precision ,x", [col("id", { cast: "Double  Precision" }), col("x")]],
    ['"weird,name"', [col("weird,name")]],
    ["my-col", [col("my-col")]],
    [
      "data->a->>b",
      [
        {
          kind: "column",
          field: {
            name: "data",
            json: [
              { arrow: "->", key: "a" },
              { arrow: "->>", key: "b" },
            ],
          },
        },
      ],
    ],
    ["w:data->0", [{ kind: "column", alias: "w", field: { name: "data", json: [{ arrow: "->", key: "0" }] } }]],
    ["kids(id)", [{ kind: "embed", name: "kids", join: "left", spread: false, select: [col("id")] }]],
    [
      "k:kids!inner(*)",
      [{ kind: "embed", name: "kids", alias: "k", join: "inner", spread: false, select: [{ kind: "star" }] }],
    ],
    [
      "kids!kids_parent_fkey!left()",
      [{ kind: "embed", name: "kids", hint: "kids_parent_fkey", join: "left", spread: false, select: [] }],
    ],
    ["...parent(name)", [{ kind: "embed", name: "parent", join: "left", spread: true, select: [col("name")] }]],
    ["count()", [col("*", { aggregate: "count" })]],
    ["n:count()::text", [col("*", { alias: "n", aggregate: "count", aggregateCast: "text" })]],
    ["id::int.sum()::text", [col("id", { cast: "int", aggregate: "sum", aggregateCast: "text" })]],
    [
      "s:id.avg(),id.max(),id.min()",
      [col("id", { alias: "s", aggregate: "avg" }), col("id", { aggregate: "max" }), col("id", { aggregate: "min" })],
    ],
    [
      "a(b(c))",
      [
        {
          kind: "embed",
          name: "a",
          join: "left",
          spread: false,
          select: [{ kind: "embed", name: "b", join: "left", spread: false, select: [col("c")] }],
        },
      ],
    ],
  ])("%s", (input, expected) => {
    expect(parseSelect(input)).toEqual(expected);
  });

  it.each([
    "id,,name",
    "id,",
    "kids(id",
    "id::",
    "id::  ",
    "id::text;drop",
    "id::text[]",
    "id::public.t",
    "id::text)--",
    "id::int4(2)",
    'id::"text"',
    "kids!a!b!c(id)",
    "id.median()",
    "id.sum(x)",
    "id.sum()::",
    ",",
    "a)",
  ])("refuses %s with PGRST100", (input) => {
    expect(() => parseSelect(input)).toThrow(ApiError);
    try {
      parseSelect(input);
    } catch (error) {
      expect((error as ApiError).code).toBe("PGRST100");
      expect((error as ApiError).status).toBe(400);
    }
  });
});

describe("nesting limits", () => {
  it("refuses embeds and logic trees nested past the limit with PGRST100 instead of overflowing", () => {
    const details = (work: () => unknown) => {
      try {
        work();
      } catch (error) {
        return error instanceof ApiError ? `${error.code} ${String(error.details)}` : String(error);
      }
      return "no error";
    };
    expect(details(() => parseSelect(`${"a(".repeat(5000)}id${")".repeat(5000)}`))).toMatch(
      /^PGRST100 nesting deeper than/,
    );
    const tree = `${"(and".repeat(5000)}(id.eq.1)${")".repeat(5000)}`;
    expect(details(() => parseLogicValue("or", false, tree))).toMatch(/^PGRST100 nesting deeper than/);
    expect(parseSelect(`${"a(".repeat(10)}id${")".repeat(10)}`)).toHaveLength(1);
  });

  it("reads a column whose name starts with and/or inside a logic tree", () => {
    expect(parseLogicValue("or", false, "(andrew.eq.1,order_no.gt.2)").children).toHaveLength(2);
  });
});

describe("filters", () => {
  const field = { name: "c", json: [] };
  it.each([
    ["eq.5", { op: "eq", value: "5" }, false],
    ["not.eq.5", { op: "eq", value: "5" }, true],
    ["eq.a.b.c", { op: "eq", value: "a.b.c" }, false],
    ["like.*x*", { op: "like", value: "*x*" }, false],
    ["eq(any).{1,2}", { op: "eq", quantifier: "any", value: "{1,2}" }, false],
    ["like(all).{a*,*b}", { op: "like", quantifier: "all", value: "{a*,*b}" }, false],
    ['in.(1,2,"a,b")', { op: "in", values: ["1", "2", "a,b"] }, false],
    ["in.()", { op: "in", values: [] }, false],
    ['in.("a\\"b")', { op: "in", values: ['a"b'] }, false],
    ["is.null", { op: "is", value: "null" }, false],
    ["is.NULL", { op: "is", value: "null" }, false],
    ["not.is.true", { op: "is", value: "true" }, true],
    ["fts.cat & dog", { op: "fts", value: "cat & dog" }, false],
    ["wfts(english).a or b", { op: "wfts", config: "english", value: "a or b" }, false],
    ['cs.{"k":1}', { op: "cs", value: '{"k":1}' }, false],
    ["isdistinct.x", { op: "isdistinct", value: "x" }, false],
    ["adj.[1,2)", { op: "adj", value: "[1,2)" }, false],
  ])("%s", (input, expr, negate) => {
    expect(parseFilterValue(field, input)).toEqual({ field, negate, expr });
  });

  it.each(["eqq.1", "eq", "is.maybe", "eq(some).{1}", "fts(bad config).x", "in.(1,2", "not.", ""])(
    "refuses %s",
    (input) => {
      expect(() => parseFilterValue(field, input)).toThrow(/failed to parse filter/);
    },
  );
});

describe("logic trees", () => {
  it("parses nested and/or/not with quoted and array values", () => {
    expect(parseLogicValue("or", false, '(a.eq.1,not.and(b.in.(1,2),c.cs.{x,y}),d.eq."p,q")')).toEqual({
      kind: "logic",
      op: "or",
      negate: false,
      children: [
        { kind: "filter", filter: { field: { name: "a", json: [] }, negate: false, expr: { op: "eq", value: "1" } } },
        {
          kind: "logic",
          op: "and",
          negate: true,
          children: [
            {
              kind: "filter",
              filter: { field: { name: "b", json: [] }, negate: false, expr: { op: "in", values: ["1", "2"] } },
            },
            {
              kind: "filter",
              filter: { field: { name: "c", json: [] }, negate: false, expr: { op: "cs", value: "{x,y}" } },
            },
          ],
        },
        { kind: "filter", filter: { field: { name: "d", json: [] }, negate: false, expr: { op: "eq", value: "p,q" } } },
      ],
    });
  });

  it("accepts JSON paths and negated leaves", () => {
    const tree = parseLogicValue("and", true, "(data->>k.not.is.null)");
    expect(tree).toMatchObject({
      negate: true,
      children: [{ filter: { field: { name: "data", json: [{ arrow: "->>", key: "k" }] }, negate: true } }],
    });
  });

  it.each(["a.eq.1", "(a.eq.1", "(a.eq.1,)", "()", "(a.zz.1)", "(a.eq.1))"])("refuses %s", (input) => {
    expect(() => parseLogicValue("or", false, input)).toThrow(/failed to parse logic tree/);
  });
});

describe("order, columns, keys, prefer", () => {
  it.each([
    ["id", [{ field: { name: "id", json: [] } }]],
    ["id.desc", [{ field: { name: "id", json: [] }, direction: "desc" }]],
    [
      "a.asc.nullslast,b.nullsfirst",
      [
        { field: { name: "a", json: [] }, direction: "asc", nulls: "last" },
        { field: { name: "b", json: [] }, nulls: "first" },
      ],
    ],
    ["data->>x.desc", [{ field: { name: "data", json: [{ arrow: "->>", key: "x" }] }, direction: "desc" }]],
    [
      "clients(json_col->key).desc.nullsfirst",
      [
        {
          relation: "clients",
          field: { name: "json_col", json: [{ arrow: "->", key: "key" }] },
          direction: "desc",
          nulls: "first",
        },
      ],
    ],
    [
      'name,"my rel"(name),id.asc',
      [
        { field: { name: "name", json: [] } },
        { relation: "my rel", field: { name: "name", json: [] } },
        { field: { name: "id", json: [] }, direction: "asc" },
      ],
    ],
  ])("order=%s", (input, expected) => {
    expect(parseOrder(input)).toEqual(expected);
  });

  it.each(["id.down", "id.desc.nullsmiddle", "id,", "c()", "c(a", "c(a)b", "c->x(a)"])("refuses order=%s", (input) => {
    expect(() => parseOrder(input)).toThrow(/failed to parse order/);
  });

  it.each([
    ["clients(name,id)", 8],
    ["c(a).ac", 2],
    ["a,c(a.desc)", 4],
  ])("points a failed rel(col) term at its parenthesis, as PostgREST: order=%s", (input, column) => {
    expect(() => parseOrder(input)).toThrow(`(line 1, column ${column})`);
  });

  it("parses quoted column lists", () => {
    expect(parseColumnList('"title","done"', "columns")).toEqual(["title", "done"]);
    expect(parseColumnList("id,name", "on_conflict")).toEqual(["id", "name"]);
  });

  it("splits embed paths off filter keys", () => {
    expect(splitKey("kids.title")).toEqual({ path: ["kids"], field: { name: "title", json: [] } });
    expect(splitKey("a.b.data->>x")).toEqual({
      path: ["a", "b"],
      field: { name: "data", json: [{ arrow: "->>", key: "x" }] },
    });
  });

  it("reads Prefer like PostgREST: first value wins, unknown ignored", () => {
    expect(parsePrefer("return=representation, count=exact,resolution=merge-duplicates, missing=default")).toEqual({
      return: "representation",
      count: "exact",
      resolution: "merge-duplicates",
      missing: "default",
    });
    expect(parsePrefer("return=minimal, return=representation, tx=rollback, count=bogus, tx=nope")).toEqual({
      return: "minimal",
      tx: "rollback",
    });
    expect(parsePrefer("handling=strict, max-affected=5, max-affected=9")).toEqual({
      handling: "strict",
      "max-affected": 5,
    });
    expect(parsePrefer("max-affected=-1, max-affected=x")).toEqual({});
    expect(parsePrefer(undefined)).toEqual({});
  });
});
