/** A hand-built schema cache for the pure plan/SQL tests (no database needed). */
import type { Column, Func, SchemaCache, Table } from "../schema/types";

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

/** A function over a `parents` row: a computed column (scalar) or relationship (rows of a table). */
function rowFunction(name: string, returns: string | null, returnsSet: boolean): Func {
  return {
    schema: "public",
    name,
    args: [{ name: "", type: "parents", hasDefault: false, variadic: false }],
    returnType: returns ?? "text",
    returnsSet,
    singleRow: !returnsSet,
    returns: returns ? "composite" : "scalar",
    resultColumns: [],
    returnTable: returns ? `public.${returns}` : null,
    volatility: "stable",
    variadic: false,
    settings: [],
    description: null,
    argTable: "public.parents",
  };
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
        oneToOne: false,
      },
      {
        name: "nodes_parent_id_fkey",
        schema: "public",
        table: "nodes",
        columns: ["parent_id"],
        refSchema: "public",
        refTable: "nodes",
        refColumns: ["id"],
        oneToOne: false,
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
              { name: "a", type: "integer", hasDefault: false, variadic: false },
              { name: "b", type: "integer", hasDefault: true, variadic: false },
            ],
            returnType: "integer",
            returnsSet: false,
            singleRow: true,
            returns: "scalar",
            resultColumns: [],
            returnTable: null,
            volatility: "immutable",
            variadic: false,
            settings: [],
            description: null,
            argTable: null,
          },
        ],
      ],
      [
        "public.join_all",
        [
          {
            schema: "public",
            name: "join_all",
            args: [
              { name: "sep", type: "text", hasDefault: false, variadic: false },
              { name: "parts", type: "text[]", hasDefault: false, variadic: true },
            ],
            returnType: "text",
            returnsSet: false,
            singleRow: true,
            returns: "scalar",
            resultColumns: [],
            returnTable: null,
            volatility: "immutable",
            variadic: true,
            settings: [],
            description: null,
            argTable: null,
          },
        ],
      ],
    ]),
    rowFunctions: [rowFunction("label", null, false), rowFunction("kids", "children", true)],
    roleSettings: new Map(),
    // On, so the fuzz suites reach the SQL of aggregates.
    config: new Map([["db_aggregates_enabled", "true"]]),
  };
}
