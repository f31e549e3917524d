/** The plan stage's output: everything resolved against the schema cache, ready for the SQL builder. */
import type { Aggregate, JsonStep, OpExpr } from "../parse/ast";
import type { Column, Func, Table } from "../schema/types";

export type Source =
  | { kind: "table"; schema: string; name: string }
  /** Rows of the mutation CTE (return=representation). */
  | { kind: "mutation" }
  | { kind: "call"; call: CallSpec }
  /** A computed relationship: `fn(parent row)`, the parent's row cast to the function's argument type. */
  | { kind: "rowCall"; fn: { schema: string; name: string }; argType: { schema: string; name: string } };

export interface CallSpec {
  fn: Func;
  /**
   * Arguments in the function's order, each with its declared type and, unless `json` holds them,
   * its bind value (a positional one's: the text or bytes it is passed).
   */
  args: { name: string; type: string; variadic: boolean; value?: unknown }[];
  /** One unnamed argument, passed by position. */
  positional: boolean;
  /** A JSON body the named arguments are read from by Postgres (`set`: an array, first row). */
  json?: { text: string; set: boolean };
}

export interface ColumnRef {
  column: string;
  json: JsonStep[];
  /** A computed column: the function of that name over the row (`fn(alias::rowtype)`), not a column. */
  computed?: { schema: string; rowType: { schema: string; name: string } };
}

export type PlannedItem =
  | { kind: "star" }
  | (ColumnRef & { kind: "column"; cast?: string; outName: string; aggregate?: Aggregate; aggregateCast?: string })
  /**
   * The row count: a bare `count` that names no column (as Postgres reads `alias.count`, `count(alias)`),
   * or the aggregate `count()` (`aggregate`), which groups the node's other columns.
   */
  | { kind: "count"; cast?: string; outName: string; aggregate?: boolean }
  | { kind: "embed"; node: ReadNode; outName: string; spread: boolean };

export type PlannedCondition =
  | (ColumnRef & { kind: "filter"; negate: boolean; expr: OpExpr; columnType: string })
  | { kind: "logic"; op: "and" | "or"; negate: boolean; children: PlannedCondition[] }
  /** `rel=is.null` / `rel=not.is.null` on an embedded resource. */
  | { kind: "embedNull"; embed: ReadNode; spread: boolean; isNull: boolean };

export interface PlannedOrder extends ColumnRef {
  direction?: "asc" | "desc";
  nulls?: "first" | "last";
  /**
   * `rel(col)`: `column` (and `json`) name an output column of this to-one embed of the node, which
   * the node's query reads from the embed's lateral join.
   */
  embed?: { node: ReadNode; spread: boolean };
}

export interface EmbedJoin {
  /** Pairs: column of this node = column of the parent node. */
  on: { child: string; parent: string }[];
  /** Many-to-many: this node's rows joined through a junction table to the parent's. */
  junction?: {
    table: string;
    toTarget: { junction: string; child: string }[];
    toParent: { junction: string; parent: string }[];
  };
  toOne: boolean;
  inner: boolean;
}

export interface ReadNode {
  source: Source;
  /** The relation's name as the client wrote it (errors, output). */
  name: string;
  /** How Postgres would name the relation in an error: the table at the root, `<table>_<depth>` in embeds (PostgREST's aliases). */
  label: string;
  alias: string;
  columns: Map<string, Column>;
  /** Functions over this node's row type by name (computed columns), the column type being the result. */
  computed: Map<string, { schema: string; type: string; rowType: { schema: string; name: string } }>;
  items: PlannedItem[];
  where: PlannedCondition[];
  order: PlannedOrder[];
  limit?: number;
  offset?: number;
  join?: EmbedJoin;
  /** An empty embed (`rel()`) its parent orders by (`rel(col)`): its rows carry every column, as PostgREST's. */
  exposeColumns?: boolean;
}

export interface ReadPlan {
  kind: "read";
  node: ReadNode;
}

export interface MutatePlan {
  kind: "insert" | "update" | "delete";
  table: Table;
  columns: string[];
  body: unknown;
  where: PlannedCondition[];
  /** PATCH/DELETE with `limit` (and `order`): only the first n matching rows change. */
  limit?: number;
  order: PlannedOrder[];
  onConflict?: { columns: string[]; action: "merge" | "ignore" };
  missingDefault: boolean;
  /** PUT (single-row upsert): the primary key filters the body's row must match (`plan/put.ts`). */
  put?: PlannedCondition[];
  /** Present when rows are returned (representation): reads the mutation's rows. */
  returning?: ReadNode;
  /** Primary key columns returned for `Location` (headers-only). */
  locationKey?: string[];
}

export interface CallPlan {
  kind: "call";
  call: CallSpec;
  readOnly: boolean;
  /** Composite results are read like a table; scalars and void are not. */
  node?: ReadNode;
  limit?: number;
  offset?: number;
}

export type Plan = ReadPlan | MutatePlan | CallPlan;
