/**
 * What the type generator knows about a database: plain data read from pg_catalog by
 * `introspect.ts`, shaped like the metadata postgres-meta (the Supabase CLI's generator) works from,
 * so the renderer can follow the CLI's rules one for one.
 */

/** Catalog ids (oids) are kept as strings: they can exceed the int4 range. */
export type Oid = string;

export type RelationKind = "table" | "foreign_table" | "view" | "materialized_view";

export interface Relation {
  id: Oid;
  schema: string;
  name: string;
  kind: RelationKind;
  /** Views only: PostgREST can INSERT into it (auto-updatable, or INSTEAD OF triggers/rules). */
  isInsertEnabled: boolean;
  /** Views only: PostgREST can UPDATE it. */
  isUpdateEnabled: boolean;
}

export interface Column {
  relationId: Oid;
  name: string;
  /** The type's name in pg_type (`int4`, `_text`, …); a domain is replaced by its base type. */
  format: string;
  /** Schema owning that type (disambiguates same-named enums and composites). */
  typeSchema: string;
  isNullable: boolean;
  hasDefault: boolean;
  /** GENERATED ALWAYS AS (…): never written. */
  isGenerated: boolean;
  isIdentity: boolean;
  /** GENERATED ALWAYS AS IDENTITY: the column cannot be written at all. */
  identityAlways: boolean;
  /** Views: whether the column can be written through the view. */
  isUpdatable: boolean;
}

/** A foreign key, as PostgREST's schema cache sees it (many-to-one, or one-to-one on a unique key). */
export interface Relationship {
  foreignKeyName: string;
  schema: string;
  relation: string;
  columns: string[];
  referencedSchema: string;
  referencedRelation: string;
  referencedColumns: string[];
  isOneToOne: boolean;
}

export type ArgMode = "in" | "out" | "inout" | "variadic" | "table";

export interface FunctionArg {
  mode: ArgMode;
  /** "" for an unnamed argument. */
  name: string;
  typeId: Oid;
  hasDefault: boolean;
}

export interface DbFunction {
  schema: string;
  name: string;
  args: FunctionArg[];
  /** pg_get_function_arguments, e.g. "p_days integer DEFAULT 30" (orders overloads). */
  argumentTypes: string;
  /** pg_get_function_result, e.g. "TABLE(day date, completions bigint)". */
  returnType: string;
  returnTypeId: Oid;
  /** The relation whose row type is returned, if any. */
  returnTypeRelationId: Oid | null;
  isSetReturning: boolean;
  /** The ROWS estimate of a set-returning function, else null. */
  rows: number | null;
}

export interface PgType {
  id: Oid;
  name: string;
  schema: string;
  /** format_type(oid, null): how the type is spelled on the connection's search_path. */
  format: string;
  /** Enum labels in sort order; empty for other types. */
  enums: string[];
  /** Composite types (CREATE TYPE … AS): attributes in declaration order; empty for others. */
  attributes: { name: string; typeId: Oid }[];
  /** The relation of a row/composite type, else null. */
  typeRelationId: Oid | null;
}

export interface Catalog {
  /** The schemas to generate, existing ones only. */
  schemas: string[];
  relations: Relation[];
  columns: Column[];
  relationships: Relationship[];
  functions: DbFunction[];
  /** Every type in the database (enums of other schemas still become literal unions). */
  types: PgType[];
}

/** Name order the CLI uses (String#localeCompare); pinned to one locale so output is deterministic. */
export const byName = (a: string, b: string): number => a.localeCompare(b, "en");
