/**
 * Finds the foreign-key relationship behind an embed `parent → rel[!hint]`: many-to-one when the
 * parent holds the FK, one-to-many (or one-to-one when the FK columns are unique) when `rel` does.
 */
import { PlanError } from "../errors";
import type { SchemaCache, Table } from "../schema/types";
import { tableKey } from "../schema/types";
import type { EmbedJoin } from "./types";

interface Candidate {
  fkName: string;
  on: EmbedJoin["on"];
  toOne: boolean;
  cardinality: string;
  columns: string[];
}

function sameColumns(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((c) => b.includes(c));
}

export function findRelationship(
  cache: SchemaCache,
  parent: { schema: string; name: string },
  target: string,
  hint: string | undefined,
): { table: Table; join: Omit<EmbedJoin, "inner"> } {
  const table = cache.tables.get(tableKey(parent.schema, target));
  const candidates: Candidate[] = [];
  if (table) {
    for (const fk of cache.foreignKeys) {
      if (fk.schema !== parent.schema || fk.refSchema !== parent.schema) continue;
      if (fk.table === parent.name && fk.refTable === target) {
        const on = fk.refColumns.map((child, i) => ({ child, parent: fk.columns[i] ?? "" }));
        candidates.push({ fkName: fk.name, on, toOne: true, cardinality: "many-to-one", columns: fk.columns });
      }
      if (fk.refTable === parent.name && fk.table === target) {
        const unique = table.uniques.some((u) => sameColumns(u, fk.columns));
        const on = fk.columns.map((child, i) => ({ child, parent: fk.refColumns[i] ?? "" }));
        candidates.push({
          fkName: fk.name,
          on,
          toOne: unique,
          cardinality: unique ? "one-to-one" : "one-to-many",
          columns: fk.columns,
        });
      }
    }
  }
  let matching =
    hint === undefined ? candidates : candidates.filter((c) => c.fkName === hint || c.columns.includes(hint));
  // Self-reference: a column hint names the parent's own FK column, i.e. the many-to-one side.
  if (hint !== undefined && matching.length > 1) {
    const manyToOne = matching.filter((c) => c.cardinality === "many-to-one" && c.columns.includes(hint));
    if (manyToOne.length === 1) matching = manyToOne;
  }
  const [only] = matching;
  if (table && only && matching.length === 1) return { table, join: { on: only.on, toOne: only.toOne } };
  if (table && matching.length > 1) {
    throw new PlanError(
      300,
      "PGRST201",
      `Could not embed because more than one relationship was found for '${parent.name}' and '${target}'`,
      matching.map((c) => ({
        cardinality: c.cardinality,
        embedding: `${parent.name} with ${target}`,
        relationship: `${c.fkName} using ${parent.name}(${c.on.map((o) => o.parent).join(", ")}) and ${target}(${c.on.map((o) => o.child).join(", ")})`,
      })),
      `Try changing '${target}' to one of the following: ${matching.map((c) => `'${target}!${c.fkName}'`).join(", ")}. Find the desired relationship in the 'details' key.`,
    );
  }
  const using = hint === undefined ? "" : ` using the hint '${hint}'`;
  throw new PlanError(
    400,
    "PGRST200",
    `Could not find a relationship between '${parent.name}' and '${target}' in the schema cache`,
    `Searched for a foreign key relationship between '${parent.name}' and '${target}'${using} in the schema '${parent.schema}', but no matches were found.`,
  );
}
