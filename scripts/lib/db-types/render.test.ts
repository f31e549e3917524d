/**
 * The renderer's rules on a hand-made catalog (no database): nullability and optionality per
 * Row/Insert/Update, read-only columns, enums inside and outside the generated schemas, views'
 * write gates, function signatures (no args, defaults, overloads, returns table, setof a table,
 * computed fields), relationships, and that the output type-checks as the CLI's shape.
 */
import { describe, expect, it } from "vitest";
import type { Catalog, Column, DbFunction, PgType } from "./catalog";
import { formatTypes } from "./generate";
import { renderDatabaseTypes } from "./render";

const type = (id: string, name: string, extra: Partial<PgType> = {}): PgType => ({
  id,
  name,
  schema: "pg_catalog",
  format: name,
  enums: [],
  attributes: [],
  typeRelationId: null,
  ...extra,
});

const column = (relationId: string, name: string, format: string, extra: Partial<Column> = {}): Column => ({
  relationId,
  name,
  format,
  typeSchema: "pg_catalog",
  isNullable: true,
  hasDefault: false,
  isIdentity: false,
  identityAlways: false,
  isGenerated: false,
  isUpdatable: true,
  ...extra,
});

const fn = (name: string, extra: Partial<DbFunction>): DbFunction => ({
  schema: "public",
  name,
  args: [],
  argumentTypes: "",
  returnType: "",
  returnTypeId: "25",
  returnTypeRelationId: null,
  isSetReturning: false,
  rows: null,
  ...extra,
});

const catalog: Catalog = {
  schemas: ["public"],
  relations: [
    { id: "100", schema: "public", name: "items", kind: "table", isInsertEnabled: false, isUpdateEnabled: false },
    { id: "101", schema: "public", name: "item_names", kind: "view", isInsertEnabled: true, isUpdateEnabled: false },
    { id: "102", schema: "public", name: "notes", kind: "table", isInsertEnabled: false, isUpdateEnabled: false },
  ],
  columns: [
    column("100", "id", "int8", { isNullable: false, isIdentity: true, identityAlways: true, hasDefault: false }),
    column("100", "title", "text", { isNullable: false }),
    column("100", "status", "status", { typeSchema: "public", isNullable: false, hasDefault: true }),
    column("100", "labels", "_status", { typeSchema: "public" }),
    column("100", "color", "color", { typeSchema: "other" }),
    column("100", "payload", "jsonb", { isNullable: false, hasDefault: true }),
    column("100", "extra", "json"),
    column("100", "slug", "text", { isGenerated: true, hasDefault: true }),
    column("100", "span", "int4range"),
    column("101", "id", "int8", { isUpdatable: true }),
    column("101", "upper_title", "text", { isUpdatable: false }),
    column("102", "id", "uuid", { isNullable: false, hasDefault: true }),
    column("102", "item_id", "int8", { isNullable: false }),
  ],
  relationships: [
    {
      foreignKeyName: "notes_item_id_fkey",
      schema: "public",
      relation: "notes",
      columns: ["item_id"],
      referencedSchema: "public",
      referencedRelation: "items",
      referencedColumns: ["id"],
      isOneToOne: false,
    },
  ],
  functions: [
    fn("ping", { returnTypeId: "2278" }),
    fn("recent", { args: [{ mode: "in", name: "lim", typeId: "23", hasDefault: true }], returnTypeId: "1000" }),
    fn("add", {
      args: [
        { mode: "in", name: "b", typeId: "23", hasDefault: false },
        { mode: "in", name: "a", typeId: "23", hasDefault: false },
      ],
      argumentTypes: "a integer, b integer",
      returnTypeId: "23",
    }),
    fn("add", {
      args: [
        { mode: "in", name: "a", typeId: "25", hasDefault: false },
        { mode: "in", name: "b", typeId: "25", hasDefault: false },
      ],
      argumentTypes: "a text, b text",
      returnTypeId: "25",
    }),
    fn("totals", {
      args: [
        { mode: "table", name: "n", typeId: "20", hasDefault: false },
        { mode: "table", name: "day", typeId: "1082", hasDefault: false },
      ],
      returnTypeId: "2249",
      isSetReturning: true,
      rows: 1000,
    }),
    fn("all_items", { returnTypeId: "9100", returnTypeRelationId: "100", isSetReturning: true, rows: 1000 }),
    fn("display", { args: [{ mode: "in", name: "", typeId: "9100", hasDefault: false }], argumentTypes: "items" }),
    fn("on_change", { returnTypeId: "2279" }),
  ],
  types: [
    type("16", "bool"),
    type("20", "int8"),
    type("23", "int4"),
    type("25", "text"),
    type("1082", "date"),
    type("2249", "record"),
    type("2278", "void"),
    type("3802", "jsonb"),
    type("9000", "status", { schema: "public", enums: ["draft", "done"] }),
    type("9001", "_status", { schema: "public" }),
    type("9002", "color", { schema: "other", enums: ["red", "green"] }),
    type("9100", "items", { schema: "public", typeRelationId: "100" }),
    type("1000", "_items", { schema: "public" }),
  ],
};

const text = await formatTypes(renderDatabaseTypes(catalog));
const section = (from: string, to: string) => text.slice(text.indexOf(from), text.indexOf(to, text.indexOf(from)));

describe("renderDatabaseTypes", () => {
  it("types rows: nullability, enums by reference or as literals, Json narrowed when NOT NULL", () => {
    const row = section("items: {", "Insert:");
    expect(row).toContain("id: number;");
    expect(row).toContain("title: string;");
    expect(row).toContain('status: Database["public"]["Enums"]["status"];');
    expect(row).toContain('labels: Database["public"]["Enums"]["status"][] | null;');
    expect(row).toContain('color: "red" | "green" | null;');
    expect(row).toContain("payload: NonNullable<Json>;");
    expect(row).toContain("extra: Json | null;");
    expect(row).toContain("span: unknown;");
    expect(row).toContain("display: string | null;");
  });

  it("makes defaulted, identity and nullable columns optional on Insert; read-only columns never", () => {
    const insert = section("Insert: {", "Update:");
    expect(insert).toContain("id?: never;");
    expect(insert).toContain("slug?: never;");
    expect(insert).toContain("title: string;");
    expect(insert).toContain('status?: Database["public"]["Enums"]["status"];');
    expect(insert).toContain("extra?: Json | null;");
    const update = section("Update: {", "Relationships:");
    expect(update).toContain("title?: string;");
    expect(update).toContain("id?: never;");
  });

  it("writes relationships of the referencing table only", () => {
    expect(section("notes: {", "Views:")).toContain(
      'foreignKeyName: "notes_item_id_fkey";\n            columns: ["item_id"];\n            isOneToOne: false;\n            referencedRelation: "items";',
    );
    expect(section("items: {", "notes: {")).toContain("Relationships: [];");
  });

  it("gives views Insert/Update only when PostgREST can write them", () => {
    const view = section("item_names: {", "Functions:");
    expect(view).toContain("Insert: {\n          id?: number | null;\n          upper_title?: never;");
    expect(view).not.toContain("Update:");
  });

  it("types functions like the CLI", () => {
    // Layout aside (Prettier decides it), compare the declarations with whitespace collapsed.
    const functions = section("Functions: {", "Enums:").replace(/\s+/g, " ");
    expect(functions).toContain("ping: { Args: Record<PropertyKey, never>; Returns: undefined };");
    // A result type missing from the catalog degrades to unknown instead of breaking the output.
    expect(functions).toContain("on_change: { Args: Record<PropertyKey, never>; Returns: unknown };");
    expect(functions).toContain(
      'recent: { Args: { lim?: number }; Returns: Database["public"]["Tables"]["items"]["Row"][]; };',
    );
    expect(functions).toContain(
      "add: { Args: { a: number; b: number }; Returns: number } | { Args: { a: string; b: string }; Returns: string };",
    );
    expect(functions).toContain(
      "totals: { Args: Record<PropertyKey, never>; Returns: { day: string; n: number; }[]; };",
    );
    expect(functions).toContain(
      'title: string; }[]; SetofOptions: { from: "*"; to: "items"; isOneToOne: false; isSetofReturn: true; }; };',
    );
    expect(functions).toContain(
      'display: { Args: { "": Database["public"]["Tables"]["items"]["Row"] }; Returns: { error: true; } &',
    );
    expect(section("Enums: {", "CompositeTypes:")).toContain('status: "draft" | "done";');
    expect(text).toContain('public: {\n    Enums: {\n      status: ["draft", "done"],');
  });
});
