/**
 * Postgres type name → TypeScript type, by the Supabase CLI's rules: numbers, strings, booleans,
 * Json, arrays as `(T)[]`, enums/composites/row types of generated schemas by reference into
 * `Database`, anything else `unknown`. Also the column and nullability helpers built on it.
 */
import type { Catalog, Column, PgType, Relation } from "./catalog";

const NUMBER = new Set(["int2", "int4", "int8", "float4", "float8", "numeric"]);
const STRING = new Set([
  "bytea",
  "bpchar",
  "varchar",
  "date",
  "text",
  "citext",
  "time",
  "timetz",
  "timestamp",
  "timestamptz",
  "uuid",
  "vector",
  "interval",
]);

/** Lookups the mapping needs, built once per run from the Catalog. */
export interface TypeContext {
  schemas: readonly string[];
  typesById: Map<string, PgType>;
  typesByName: Map<string, PgType[]>;
  /** Relations of the generated schemas, in the order row-type names are resolved. */
  relationKinds: [key: "Tables" | "Views", relations: Relation[]][];
  columnsByRelation: Map<string, Column[]>;
}

export function typeContext(catalog: Catalog): TypeContext {
  const of = (kind: Relation["kind"]) => catalog.relations.filter((relation) => relation.kind === kind);
  const typesByName = new Map<string, PgType[]>();
  for (const type of catalog.types) typesByName.set(type.name, [...(typesByName.get(type.name) ?? []), type]);
  const columnsByRelation = new Map<string, Column[]>();
  for (const column of catalog.columns) {
    columnsByRelation.set(column.relationId, [...(columnsByRelation.get(column.relationId) ?? []), column]);
  }
  for (const columns of columnsByRelation.values()) columns.sort((a, b) => a.name.localeCompare(b.name, "en"));
  return {
    schemas: catalog.schemas,
    typesById: new Map(catalog.types.map((type) => [type.id, type])),
    typesByName,
    relationKinds: [
      ["Tables", of("table")],
      ["Tables", of("foreign_table")],
      ["Views", of("view")],
      ["Views", of("materialized_view")],
    ],
    columnsByRelation,
  };
}

/** Prefers the candidate in the schema being generated, as the CLI does. */
function pick<T extends { schema: string }>(candidates: T[], schema: string): T | undefined {
  return candidates.find((candidate) => candidate.schema === schema) ?? candidates[0];
}

const ref = (...path: string[]) => `Database${path.map((part) => `[${JSON.stringify(part)}]`).join("")}`;

/**
 * `typeSchema` is the schema owning the type when known; it picks among same-named enums,
 * composites and relations (else the schema being generated is preferred, as the CLI does).
 */
export function pgTypeToTs(schema: string, pgType: string, ctx: TypeContext, typeSchema?: string): string {
  if (pgType === "bool") return "boolean";
  if (NUMBER.has(pgType)) return "number";
  if (STRING.has(pgType)) return "string";
  if (pgType === "json" || pgType === "jsonb") return "Json";
  if (pgType === "void") return "undefined";
  if (pgType === "record") return "Record<string, unknown>";
  if (pgType.startsWith("_")) return `(${pgTypeToTs(schema, pgType.slice(1), ctx, typeSchema)})[]`;

  const preferred = typeSchema ?? schema;
  const named = ctx.typesByName.get(pgType) ?? [];
  const enumType = pick(
    named.filter((type) => type.enums.length > 0),
    preferred,
  );
  if (enumType) {
    if (ctx.schemas.includes(enumType.schema)) return ref(enumType.schema, "Enums", enumType.name);
    return enumType.enums.map((label) => JSON.stringify(label)).join(" | ");
  }
  const composite = pick(
    named.filter((type) => type.attributes.length > 0),
    preferred,
  );
  if (composite) {
    return ctx.schemas.includes(composite.schema) ? ref(composite.schema, "CompositeTypes", composite.name) : "unknown";
  }
  const find = (matches: (relation: Relation) => boolean) => {
    for (const [key, relations] of ctx.relationKinds) {
      const relation = relations.find(matches);
      if (relation) return { key, relation };
    }
    return undefined;
  };
  const match =
    find((relation) => relation.name === pgType && relation.schema === preferred) ??
    find((relation) => relation.name === pgType);
  return match ? ref(match.relation.schema, match.key, match.relation.name, "Row") : "unknown";
}

/**
 * `T | null` for a nullable value, except unknown (which already includes null). Json includes
 * null, so a NOT NULL json column is narrowed instead.
 */
export function nullable(tsType: string, isNullable: boolean): string {
  if (tsType === "Json" && !isNullable) return "NonNullable<Json>";
  return isNullable && tsType !== "unknown" ? `${tsType} | null` : tsType;
}

/** One property line: `"name"?: T | null`. */
export function columnProperty(
  schema: string,
  column: { name: string; format: string; typeSchema: string; isNullable: boolean },
  optional: boolean,
  ctx: TypeContext,
): string {
  const tsType = nullable(pgTypeToTs(schema, column.format, ctx, column.typeSchema), column.isNullable);
  return `${JSON.stringify(column.name)}${optional ? "?" : ""}: ${tsType}`;
}

/** The TS type of a type id (function arguments and results use the type's own name). */
export function typeIdToTs(schema: string, typeId: string, ctx: TypeContext): string {
  const type = ctx.typesById.get(typeId);
  return type ? pgTypeToTs(schema, type.name, ctx, type.schema) : "unknown";
}

/**
 * An object type whose members start on a new line: Prettier keeps such objects expanded, which
 * gives the CLI's layout (its template writes every object type but `Args` that way).
 */
export function objectType(members: string[]): string {
  return `{\n${members.join("\n")}\n}`;
}
