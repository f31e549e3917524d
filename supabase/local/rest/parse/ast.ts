/**
 * The request AST the parse stage produces and the plan stage consumes. Pure data: names are as
 * written by the client, nothing has been checked against the schema yet.
 */
import type { Media } from "../media";

export interface JsonStep {
  arrow: "->" | "->>";
  key: string;
}

/** A column, optionally followed by a JSON path: `data->a->>b`. */
export interface Field {
  name: string;
  json: JsonStep[];
}

export const AGGREGATES = ["sum", "avg", "count", "max", "min"] as const;
export type Aggregate = (typeof AGGREGATES)[number];

export type SelectItem =
  | { kind: "star" }
  | {
      kind: "column";
      /** `count()` has the field `*`. */
      field: Field;
      alias?: string;
      cast?: string;
      /** `col.sum()` (`db_aggregates_enabled`), with its own `::cast` after the parentheses. */
      aggregate?: Aggregate;
      aggregateCast?: string;
    }
  | {
      kind: "embed";
      name: string;
      alias?: string;
      /** `!fk_name` or `!column` disambiguation. */
      hint?: string;
      join: "left" | "inner";
      spread: boolean;
      select: SelectItem[];
    };

export const QUANTIFIABLE = ["eq", "neq", "gt", "gte", "lt", "lte", "like", "ilike", "match", "imatch"] as const;
export const SIMPLE_OPS = [...QUANTIFIABLE, "isdistinct", "cs", "cd", "ov", "sl", "sr", "nxl", "nxr", "adj"] as const;
export const FTS_OPS = ["fts", "plfts", "phfts", "wfts"] as const;
export const IS_VALUES = ["null", "not_null", "true", "false", "unknown"] as const;

export type SimpleOp = (typeof SIMPLE_OPS)[number];
export type FtsOp = (typeof FTS_OPS)[number];
export type IsValue = (typeof IS_VALUES)[number];

export type OpExpr =
  | { op: SimpleOp; quantifier?: "any" | "all"; value: string }
  | { op: "in"; values: string[] }
  | { op: "is"; value: IsValue }
  | { op: FtsOp; config?: string; value: string };

export interface Filter {
  field: Field;
  negate: boolean;
  expr: OpExpr;
}

export type Condition = { kind: "filter"; filter: Filter } | LogicTree;

export interface LogicTree {
  kind: "logic";
  op: "and" | "or";
  negate: boolean;
  children: Condition[];
}

export interface OrderTerm {
  /** `rel(col)`: the column of the embedded to-one resource named (alias or name) `rel`. */
  relation?: string;
  field: Field;
  direction?: "asc" | "desc";
  nulls?: "first" | "last";
}

/** Filters, logic trees, orders and ranges address an embedded resource by its path of names. */
export interface AtPath<T> {
  path: string[];
  value: T;
}

export interface Preferences {
  return?: "minimal" | "representation" | "headers-only";
  count?: "exact" | "planned" | "estimated";
  resolution?: "merge-duplicates" | "ignore-duplicates";
  missing?: "default" | "null";
  tx?: "commit" | "rollback";
  handling?: "lenient" | "strict";
  /** `max-affected=n`: with `handling=strict`, more affected rows fail the request (PGRST124). */
  "max-affected"?: number;
  /** `timezone=…`: the request's `TimeZone` (timestamps are written in it). */
  timezone?: string;
}

/** A function's body sent as text/plain, text/xml or application/octet-stream: its lone unnamed argument. */
export interface RawBody {
  type: "text" | "xml" | "bytea";
  value: string | Buffer;
}

export type Target = { kind: "root" } | { kind: "table"; name: string } | { kind: "rpc"; name: string };

/** The negotiated `Accept` (`media.ts`): body format, singular, stripped nulls, explain. */
export interface ApiRequest extends Media {
  method: "GET" | "HEAD" | "POST" | "PUT" | "PATCH" | "DELETE";
  target: Target;
  schema: string;
  select: SelectItem[];
  conditions: AtPath<Condition>[];
  orders: AtPath<OrderTerm[]>[];
  limits: AtPath<{ limit?: number; offset?: number }>[];
  columns?: string[];
  onConflict?: string[];
  prefer: Preferences;
  /** Parsed JSON body for POST/PATCH; for GET rpc, the non-filter query parameters as strings. */
  body?: unknown;
  /** A raw rpc body (`payload.ts`); `body` is then `{}`. */
  raw?: RawBody;
  /** A form-urlencoded rpc body as its pairs in order (repeated names fill a variadic argument). */
  form?: [string, string][];
  /** A JSON rpc body as sent: Postgres reads the arguments from this text, as PostgREST has it do. */
  bodyText?: string;
  /** Query params left over that may be rpc arguments or filters (rpc), in order, repeats kept. */
  rpcParams: [string, string][];
}
