/**
 * Finds the relationship behind an embed `origin → target[!hint]`, as PostgREST's `findRel` does. Each
 * foreign key gives a many-to-one (or one-to-one, when its columns are a key of their table) from the
 * table holding it and the inverse one-to-many (one-to-one) from the referenced table; a table with
 * foreign keys to two tables, all their columns inside its primary key, is a junction between them
 * (many-to-many). The target may name the table, a constraint or a foreign-key column; the hint
 * narrows by constraint, column (either side) or junction table.
 */
import { PlanError } from "../errors";
import type { ForeignKey, Func, SchemaCache, Table } from "../schema/types";
import { tableKey } from "../schema/types";
import { closest } from "./fuzzy";
import type { EmbedJoin } from "./types";

type Cardinality = "many-to-one" | "one-to-many" | "one-to-one" | "many-to-many";

interface Relationship {
  origin: string;
  target: string;
  self: boolean;
  cardinality: Cardinality;
  constraint: string;
  /** [origin column, target column] pairs (direct relationships). */
  columns: [string, string][];
  /** The target is a view: it is not found by a constraint or column name (PostgREST's rule). */
  targetIsView: boolean;
  /** Position in PostgREST's order of cardinalities: one-to-many, many-to-one, one-to-one (child, then parent), many-to-many. */
  rank: number;
  junction?: { table: string; toOrigin: ForeignKey; toTarget: ForeignKey };
}

function zip(a: string[], b: string[]): [string, string][] {
  return a.map((c, i) => [c, b[i] ?? ""]);
}

/** Every relationship that starts at `origin` in `schema`, in PostgREST's order (direct, junction, inverse). */
function relationshipsFrom(cache: SchemaCache, schema: string, origin: string): Relationship[] {
  const fks = cache.foreignKeys.filter((fk) => fk.schema === schema && fk.refSchema === schema);
  const table = (name: string) => cache.tables.get(tableKey(schema, name));
  const direct: Relationship[] = [];
  const inverse: Relationship[] = [];
  const junctions: Relationship[] = [];
  for (const fk of fks) {
    const oneToOne = fk.oneToOne;
    const self = fk.table === fk.refTable;
    if (fk.table === origin) {
      direct.push({
        origin,
        target: fk.refTable,
        self,
        cardinality: oneToOne ? "one-to-one" : "many-to-one",
        rank: oneToOne ? 2 : 1,
        constraint: fk.name,
        columns: zip(fk.columns, fk.refColumns),
        targetIsView: fk.toView === true,
      });
    }
    if (fk.refTable === origin) {
      inverse.push({
        origin,
        target: fk.table,
        self,
        cardinality: oneToOne ? "one-to-one" : "one-to-many",
        rank: oneToOne ? 2.5 : 0,
        constraint: fk.name,
        columns: zip(fk.refColumns, fk.columns),
        targetIsView: fk.fromView === true,
      });
    }
  }
  for (const toOrigin of fks) {
    if (toOrigin.refTable !== origin || toOrigin.oneToOne) continue;
    const junction = table(toOrigin.table);
    for (const toTarget of fks) {
      if (toTarget.table !== toOrigin.table || toTarget.name === toOrigin.name || toTarget.oneToOne) continue;
      const pk = junction?.pk ?? [];
      if (![...toOrigin.columns, ...toTarget.columns].every((c) => pk.includes(c))) continue;
      junctions.push({
        origin,
        target: toTarget.refTable,
        self: origin === toTarget.refTable,
        cardinality: "many-to-many",
        rank: 3,
        constraint: toOrigin.table,
        columns: [],
        targetIsView: toTarget.toView === true,
        junction: { table: toOrigin.table, toOrigin, toTarget },
      });
    }
  }
  return [...direct, ...junctions, ...inverse];
}

function singleColumn(rel: Relationship, side: 0 | 1, name: string): boolean {
  return rel.columns.length === 1 && rel.columns[0]?.[side] === name;
}

function matches(rel: Relationship, target: string, hint: string | undefined): boolean {
  const direct = rel.cardinality !== "many-to-many";
  if (rel.self && direct) {
    // One foreign key, two directions: the table name (or `!column` naming the referenced column)
    // reads the children, the foreign-key column name reads the parent.
    if (hint === undefined) {
      return (
        (target === rel.target && rel.cardinality === "one-to-many") ||
        (singleColumn(rel, 0, target) && rel.cardinality === "many-to-one")
      );
    }
    return target === rel.target && rel.cardinality === "one-to-many" && singleColumn(rel, 1, hint);
  }
  if (hint === undefined) {
    return (
      target === rel.target ||
      (direct && !rel.targetIsView && (rel.constraint === target || singleColumn(rel, 0, target)))
    );
  }
  if (target !== rel.target) return false;
  if (!direct) return rel.junction?.table === hint;
  return rel.constraint === hint || singleColumn(rel, 0, hint) || singleColumn(rel, 1, hint);
}

const text = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** PostgREST lists candidates in its relationships' order: target, self, cardinality, constraint, columns. */
function compare(a: Relationship, b: Relationship): number {
  const columns = (r: Relationship) => r.columns.flat().join("\u0000");
  return (
    text(a.target, b.target) ||
    Number(a.self) - Number(b.self) ||
    a.rank - b.rank ||
    text(a.junction?.table ?? "", b.junction?.table ?? "") ||
    text(a.junction?.toOrigin.name ?? a.constraint, b.junction?.toOrigin.name ?? b.constraint) ||
    text(a.junction?.toTarget.name ?? "", b.junction?.toTarget.name ?? "") ||
    text(columns(a), columns(b)) ||
    Number(a.targetIsView) - Number(b.targetIsView)
  );
}

function describe(rel: Relationship) {
  const cols = (names: string[]) => `(${names.join(", ")})`;
  if (rel.junction) {
    const { table, toOrigin, toTarget } = rel.junction;
    return {
      cardinality: rel.cardinality,
      embedding: `${rel.origin} with ${rel.target}`,
      relationship: `${table} using ${toOrigin.name}${cols(toOrigin.columns)} and ${toTarget.name}${cols(toTarget.columns)}`,
    };
  }
  return {
    cardinality: rel.cardinality,
    embedding: `${rel.origin} with ${rel.target}`,
    relationship: `${rel.constraint} using ${rel.origin}${cols(rel.columns.map((c) => c[0]))} and ${rel.target}${cols(rel.columns.map((c) => c[1]))}`,
  };
}

function joinOf(rel: Relationship): Omit<EmbedJoin, "inner"> {
  if (rel.junction) {
    const { table, toOrigin, toTarget } = rel.junction;
    return {
      on: [],
      toOne: false,
      junction: {
        table,
        toTarget: zip(toTarget.columns, toTarget.refColumns).map(([junction, child]) => ({ junction, child })),
        toParent: zip(toOrigin.columns, toOrigin.refColumns).map(([junction, parent]) => ({ junction, parent })),
      },
    };
  }
  const toOne = rel.cardinality !== "one-to-many";
  return { on: rel.columns.map(([parent, child]) => ({ child, parent })), toOne };
}

/**
 * Computed relationships, as PostgREST: a function taking the origin's row and returning rows of a
 * table or view is embedded by its name (to one when not `setof` or `rows 1`), hint or no hint, and
 * hides a foreign-key relationship to a table of the same name.
 */
function computedFrom(cache: SchemaCache, schema: string, origin: string): { fn: Func; table: Table }[] {
  const key = tableKey(schema, origin);
  return cache.rowFunctions.flatMap((fn) => {
    const table = fn.returnTable === null ? undefined : cache.tables.get(fn.returnTable);
    return fn.argTable === key && table && table.schema === schema ? [{ fn, table }] : [];
  });
}

export interface FoundRelationship {
  table: Table;
  join: Omit<EmbedJoin, "inner">;
  /** Set for a computed relationship: the function to call with the parent's row. */
  fn?: Func;
}

export function findRelationship(
  cache: SchemaCache,
  parent: { schema: string; name: string },
  target: string,
  hint: string | undefined,
): FoundRelationship {
  const computed = computedFrom(cache, parent.schema, parent.name);
  const viaFunction = computed.find((c) => c.fn.name === target);
  if (viaFunction)
    return { table: viaFunction.table, join: { on: [], toOne: viaFunction.fn.singleRow }, fn: viaFunction.fn };
  const found = relationshipsFrom(cache, parent.schema, parent.name).filter(
    (rel) => matches(rel, target, hint) && !computed.some((c) => c.fn.name === rel.target),
  );
  const [only] = found;
  const table = only && cache.tables.get(tableKey(parent.schema, only.target));
  if (only && table && found.length === 1) return { table, join: joinOf(only) };
  if (found.length > 1) {
    found.sort(compare);
    const hints = found.map((r) => `'${r.target}!${r.junction ? r.junction.table : r.constraint}'`).join(", ");
    throw new PlanError(
      300,
      "PGRST201",
      `Could not embed because more than one relationship was found for '${parent.name}' and '${target}'`,
      found.map(describe),
      `Try changing '${target}' to one of the following: ${hints}. Find the desired relationship in the 'details' key.`,
    );
  }
  throw noRelationship(cache, parent, target, hint);
}

/** The tables of `schema` that have a relationship (foreign key, inferred through a view, or computed). */
function relatedTables(cache: SchemaCache, schema: string): Set<string> {
  const names = new Set<string>();
  for (const fk of cache.foreignKeys) {
    if (fk.schema !== schema || fk.refSchema !== schema) continue;
    names.add(fk.table);
    names.add(fk.refTable);
  }
  for (const fn of cache.rowFunctions) {
    const origin = fn.argTable === null ? undefined : cache.tables.get(fn.argTable);
    const table = fn.returnTable === null ? undefined : cache.tables.get(fn.returnTable);
    if (origin?.schema === schema && table?.schema === schema) names.add(origin.name);
  }
  return names;
}

/** PostgREST's scores: the `fuzzyset` default minimum, no 0.75 floor for these names. */
const RELATIONSHIP_HINT_SCORE = 0.33;

/**
 * PostgREST's "Perhaps you meant" for an embed it cannot resolve: when the parent has relationships,
 * the closest of the tables it relates to (none when the target is one of them: then the hint was
 * wrong); else the closest table that has relationships.
 */
function noRelationshipHint(
  cache: SchemaCache,
  parent: { schema: string; name: string },
  target: string,
): string | null {
  const parents = relatedTables(cache, parent.schema);
  if (!parents.has(parent.name)) {
    const suggestion = closest(parents, parent.name, RELATIONSHIP_HINT_SCORE);
    return suggestion === undefined ? null : `Perhaps you meant '${suggestion}' instead of '${parent.name}'.`;
  }
  const computed = computedFrom(cache, parent.schema, parent.name);
  const children = [
    ...relationshipsFrom(cache, parent.schema, parent.name)
      .filter((rel) => !computed.some((c) => c.fn.name === rel.target))
      .map((rel) => rel.target),
    ...computed.map((c) => c.table.name),
  ];
  if (children.some((child) => child.toLowerCase() === target.toLowerCase())) return null;
  const suggestion = closest(children, target, RELATIONSHIP_HINT_SCORE);
  return suggestion === undefined ? null : `Perhaps you meant '${suggestion}' instead of '${target}'.`;
}

/** 400 PGRST200: no relationship between the parent and the embed's target (with the hint, if any). */
export function noRelationship(
  cache: SchemaCache,
  parent: { schema: string; name: string },
  target: string,
  hint: string | undefined,
): PlanError {
  const using = hint === undefined ? "" : ` using the hint '${hint}'`;
  return new PlanError(
    400,
    "PGRST200",
    `Could not find a relationship between '${parent.name}' and '${target}' in the schema cache`,
    `Searched for a foreign key relationship between '${parent.name}' and '${target}'${using} in the schema '${parent.schema}', but no matches were found.`,
    noRelationshipHint(cache, parent, target),
  );
}
