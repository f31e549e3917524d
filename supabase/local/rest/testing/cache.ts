/** A hand-built schema cache for the pure plan/SQL tests (no database needed). */
import type { Column, SchemaCache, Table } from "../schema/types";

function columns(spec: Record<string, string>): Map<string, Column> {
  return new Map(
    Object.entries(spec).map(([name, type]) => [
      name,
      { name, type, notNull: false, default: name === "id" ? "nextval('seq'::regclass)" : null, generated: false },
    ]),
  );
}

function table(name: string, spec: Record<string, string>, extra: Partial<Table> = {}): [string, Table] {
  return [
    `public.${name}`,
    {
      schema: "public",
      name,
      kind: "table",
      columns: columns(spec),
      pk: ["id"],
      uniques: [["id"]],
      description: null,
      ...extra,
    },
  ];
}

export function testCache(): SchemaCache {
  return {
    schemas: ["public"],
    tables: new Map([
      table("parents", { id: "bigint", name: "text", tags: "text[]", meta: "jsonb" }),
      table("children", { id: "bigint", parent_id: "bigint", title: "text", body: "tsvector" }),
      table("nodes", { id: "bigint", parent_id: "bigint" }),
    ]),
    foreignKeys: [
      {
        name: "children_parent_id_fkey",
        schema: "public",
        table: "children",
        columns: ["parent_id"],
        refSchema: "public",
        refTable: "parents",
        refColumns: ["id"],
      },
      {
        name: "nodes_parent_id_fkey",
        schema: "public",
        table: "nodes",
        columns: ["parent_id"],
        refSchema: "public",
        refTable: "nodes",
        refColumns: ["id"],
      },
    ],
    functions: new Map([
      [
        "public.add",
        [
          {
            schema: "public",
            name: "add",
            args: [
              { name: "a", type: "integer", hasDefault: false },
              { name: "b", type: "integer", hasDefault: true },
            ],
            returnType: "integer",
            returnsSet: false,
            returns: "scalar",
            resultColumns: [],
            returnTable: null,
            volatility: "immutable",
            variadic: false,
          },
        ],
      ],
    ]),
    roleSettings: new Map(),
    config: new Map(),
  };
}
