/** The schema cache's shape: what the plan stage may know about the exposed schemas. */
export interface Column {
  name: string;
  /** `format_type` spelling, usable in casts and column definition lists. */
  type: string;
  notNull: boolean;
  /** Default expression as Postgres prints it, `nextval(…)` for identity columns (catalog text, never user input). */
  default: string | null;
  generated: boolean;
}

export interface Table {
  schema: string;
  name: string;
  kind: "table" | "view";
  columns: Map<string, Column>;
  pk: string[];
  uniques: string[][];
  description: string | null;
}

export interface ForeignKey {
  name: string;
  schema: string;
  table: string;
  columns: string[];
  refSchema: string;
  refTable: string;
  refColumns: string[];
  /** Its columns are a key of the table holding it (of the base table, for a view's copy). */
  oneToOne: boolean;
  /** A view's copy of a table's foreign key (see `view-keys.ts`): the holding or the referenced side is a view. */
  fromView?: boolean;
  toView?: boolean;
}

export interface FuncArg {
  /** Empty for an unnamed parameter. */
  name: string;
  type: string;
  hasDefault: boolean;
  /** `variadic`: called with `VARIADIC`; repeated query or form parameters of its name fill its array. */
  variadic: boolean;
}

export interface Func {
  schema: string;
  name: string;
  args: FuncArg[];
  returnType: string;
  returnsSet: boolean;
  /** Not `setof`, or `setof … rows 1`: embedded as one object when a computed relationship. */
  singleRow: boolean;
  /** scalar: one value per row; composite: rows with columns; void: nothing. */
  returns: "scalar" | "composite" | "void";
  /** Columns of a composite result (table type or OUT/TABLE arguments). */
  resultColumns: Column[];
  /** The exposed table whose row type the function returns, if any (for embedding). */
  returnTable: string | null;
  volatility: "immutable" | "stable" | "volatile";
  variadic: boolean;
  /** Its own `SET` clauses (`proconfig`), name → value: some apply to the whole call (`func-settings.ts`). */
  settings: [string, string][];
  description: string | null;
  /** `schema.name` of the table or view whose row type is the only argument (computed columns and relationships). */
  argTable: string | null;
}

export interface SchemaCache {
  schemas: string[];
  /** Keyed `schema.name`. */
  tables: Map<string, Table>;
  foreignKeys: ForeignKey[];
  /**
   * Keyed `schema.name`; overloads share a key, fewest arguments first (PostgREST's order). Only the
   * functions PostgREST can call: at most one unnamed argument, of type json, jsonb, text, xml or bytea.
   */
  functions: Map<string, Func[]>;
  /** Functions whose only argument is a table's or view's row: computed columns and relationships. */
  rowFunctions: Func[];
  /** role → transaction settings PostgREST applies per request (statement_timeout, …). */
  roleSettings: Map<string, [string, string][]>;
  /**
   * PostgREST's in-database configuration: the `pgrst.*` settings of the role the service logs in as
   * (`alter role authenticator set pgrst.db_tx_end = …`), keyed without the prefix.
   */
  config: Map<string, string>;
}

export function tableKey(schema: string, name: string): string {
  return `${schema}.${name}`;
}
