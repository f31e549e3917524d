/**
 * Keys of views, inferred as PostgREST infers them: Postgres records, for each output column of a
 * view's stored query (`pg_rewrite.ev_action`), the table column it is a plain reference to
 * (`resorigtbl`/`resorigcol`; 0 for an expression, an aggregate or a set operation's column). A view
 * column that references a key column carries that key: all columns of a primary key referenced →
 * the view's primary key; all columns of a foreign key → the foreign key, from the view (view → table),
 * to the view (table → view) and between views. Renamed columns map back to their table column; views
 * over views are followed to the table.
 */
import { tableKey, type ForeignKey, type Table } from "./types";

/** Output column `resno` of a view: the relation (oid) and column number it references, 0 when none. */
export interface ColumnOrigin {
  resno: number;
  table: number;
  column: number;
}

/** Tokens of a `pg_node_tree` text: `{ } ( )` alone, anything else runs to whitespace or one of them (`\` escapes). */
function* tokens(text: string): Generator<string> {
  let i = 0;
  while (i < text.length) {
    const c = text[i] ?? "";
    if (c === " " || c === "\n" || c === "\t") {
      i++;
    } else if ("{}()".includes(c)) {
      i++;
      yield c;
    } else {
      let token = "";
      while (i < text.length && !" \n\t{}()".includes(text[i] ?? "")) {
        if (text[i] === "\\") i++;
        token += text[i] ?? "";
        i++;
      }
      yield token;
    }
  }
}

/**
 * The origins of the output columns of a view's query: the `TARGETENTRY` nodes of the top query's
 * `:targetList` (depth 2: inside the one-element list and the `QUERY` node), skipping junk entries.
 */
export function viewColumnOrigins(evAction: string): ColumnOrigin[] {
  const origins: ColumnOrigin[] = [];
  let depth = 0;
  let inTargetList = false;
  let entry: (ColumnOrigin & { junk: boolean }) | undefined;
  let field: string | undefined;
  for (const token of tokens(evAction)) {
    if (token === "{" || token === "(") {
      depth++;
      if (inTargetList && depth === 4) entry = { resno: 0, table: 0, column: 0, junk: false };
      continue;
    }
    if (token === "}" || token === ")") {
      if (inTargetList && depth === 4 && entry) {
        if (!entry.junk) origins.push({ resno: entry.resno, table: entry.table, column: entry.column });
        entry = undefined;
      }
      depth--;
      if (inTargetList && depth === 2) return origins;
      if (depth === 0) return origins;
      continue;
    }
    if (depth === 2 && token === ":targetList") {
      inTargetList = true;
      continue;
    }
    if (depth === 2 && inTargetList && token === "<>") return origins;
    if (!entry || depth !== 4) continue;
    if (token.startsWith(":")) field = token;
    else if (field !== undefined) {
      if (field === ":resno") entry.resno = Number(token);
      else if (field === ":resorigtbl") entry.table = Number(token);
      else if (field === ":resorigcol") entry.column = Number(token);
      else if (field === ":resjunk") entry.junk = token === "true";
      field = undefined;
    }
  }
  return origins;
}

export interface ViewRow {
  oid: number;
  schema: string;
  name: string;
  /** attnum → column name. */
  columns: Map<number, string>;
  origins: ColumnOrigin[];
}

/** A primary key or unique constraint or foreign key of a table, by oid and column numbers. */
export interface KeyRow {
  type: string;
  relid: number;
  keys: number[];
}

/** A table's foreign key with its catalog numbers, so views' columns can be matched to it. */
export type NumberedForeignKey = ForeignKey & { relid: number; keys: number[]; refRelid: number; refKeys: number[] };

/** For each view, the view columns that reference each table column, keyed `<table oid>:<attnum>`. */
function viewReferences(views: ViewRow[]): Map<ViewRow, Map<string, string[]>> {
  const byOid = new Map(views.map((v) => [v.oid, v]));
  const result = new Map<ViewRow, Map<string, string[]>>();
  for (const view of views) {
    const refs = new Map<string, string[]>();
    for (const origin of view.origins) {
      const name = view.columns.get(origin.resno);
      if (name === undefined) continue;
      // Follow views over views down to the table; a cycle (impossible in Postgres) stops the walk.
      let at: { table: number; column: number } | undefined = origin;
      const seen = new Set<number>();
      while (at && at.table !== 0 && !seen.has(at.table)) {
        seen.add(at.table);
        const key = `${at.table}:${at.column}`;
        refs.set(key, [...(refs.get(key) ?? []), name]);
        const inner = byOid.get(at.table);
        const column: number = at.column;
        at = inner?.origins.find((o) => o.resno === column);
      }
    }
    result.set(view, refs);
  }
  return result;
}

/** Every way to pick one view column per key column; undefined when a key column is not in the view. */
function mappings(refs: Map<string, string[]>, relid: number, keys: number[]): string[][] | undefined {
  let combos: string[][] = [[]];
  for (const key of keys) {
    const names = refs.get(`${relid}:${key}`);
    if (!names) return undefined;
    combos = combos.flatMap((combo) => names.map((name) => [...combo, name]));
  }
  return combos;
}

/**
 * Primary keys of views (the first referencing column per key column, as PostgREST) and the
 * foreign keys views inherit: `fks` are the tables' own (with `oneToOne` known), the result adds
 * view → table, table → view and view → view copies of each.
 */
export function addViewKeys(
  tables: Map<string, Table>,
  views: ViewRow[],
  keys: KeyRow[],
  fks: NumberedForeignKey[],
): ForeignKey[] {
  const refs = viewReferences(views);
  for (const [view, viewRefs] of refs) {
    const table = tables.get(tableKey(view.schema, view.name));
    if (!table) continue;
    const pk = keys.flatMap((k) => {
      if (k.type !== "p") return [];
      const names = k.keys.map((key) => viewRefs.get(`${k.relid}:${key}`)?.[0]);
      return names.every((n) => n !== undefined) ? (names as string[]) : [];
    });
    if (pk.length > 0) table.pk = pk;
  }
  const derived: ForeignKey[] = [];
  for (const fk of fks) {
    const { relid: _r, keys: _k, refRelid: _rr, refKeys: _rk, ...base } = fk;
    const from = [...refs].flatMap(([view, r]) =>
      (mappings(r, fk.relid, fk.keys) ?? []).map((columns) => ({ view, columns })),
    );
    const to = [...refs].flatMap(([view, r]) =>
      (mappings(r, fk.refRelid, fk.refKeys) ?? []).map((columns) => ({ view, columns })),
    );
    for (const f of from)
      derived.push({ ...base, schema: f.view.schema, table: f.view.name, columns: f.columns, fromView: true });
    for (const t of to)
      derived.push({ ...base, refSchema: t.view.schema, refTable: t.view.name, refColumns: t.columns, toView: true });
    for (const f of from)
      for (const t of to)
        derived.push({
          ...base,
          schema: f.view.schema,
          table: f.view.name,
          columns: f.columns,
          refSchema: t.view.schema,
          refTable: t.view.name,
          refColumns: t.columns,
          fromView: true,
          toView: true,
        });
  }
  return derived;
}
