/**
 * Builds the schema cache from the catalog in four queries, sent at once. Loaded at start, on
 * `NOTIFY pgrst, 'reload schema'` and on `reloadSchema()`; never per request.
 */
import type pg from "pg";
import { CONSTRAINTS_SQL, FUNCTIONS_SQL, ROLE_SETTINGS_SQL, TABLES_SQL } from "./queries";
import { tableKey, type Column, type Func, type FuncArg, type SchemaCache, type Table } from "./types";
import { addViewKeys, viewColumnOrigins, type NumberedForeignKey, type ViewRow } from "./view-keys";

interface TableRow {
  schema: string;
  name: string;
  kind: string;
  /** int8 arrives as text. */
  oid: string;
  description: string | null;
  view_query: string | null;
  attnums: number[];
  columns: Column[];
}
interface ConstraintRow {
  name: string;
  type: string;
  schema: string;
  table: string;
  relid: string;
  keys: number[];
  ref_relid: string;
  ref_keys: number[];
  columns: string[];
  ref_schema: string | null;
  ref_table: string | null;
  ref_columns: string[];
}
interface FunctionRow {
  schema: string;
  name: string;
  volatility: string;
  returns_set: boolean;
  return_type: string;
  typtype: string;
  ret_schema: string | null;
  ret_table: string | null;
  nargs: number;
  rows: number;
  ndefaults: number;
  arg_names: string[];
  arg_modes: string[];
  arg_types: string[];
  variadic: boolean;
  config: string[];
  description: string | null;
  arg_schema: string | null;
  arg_table: string | null;
  type_columns: Column[];
}

/** The role the REST pool logs in as; its `pgrst.*` settings are the in-database configuration. */
const LOGIN_ROLE = "authenticator";

/** Role settings PostgREST re-applies per request because SET ROLE does not. */
const APPLIED_SETTINGS = new Set(["statement_timeout", "lock_timeout", "idle_in_transaction_session_timeout"]);

export async function loadSchemaCache(db: pg.Pool | pg.Client, schemas: string[]): Promise<SchemaCache> {
  const [tables, constraints, functions, roles] = await Promise.all([
    db.query<TableRow>(TABLES_SQL, [schemas]),
    db.query<ConstraintRow>(CONSTRAINTS_SQL, [schemas]),
    db.query<FunctionRow>(FUNCTIONS_SQL, [schemas]),
    db.query<{ role: string; settings: string[] }>(ROLE_SETTINGS_SQL),
  ]);
  const cache: SchemaCache = {
    schemas,
    tables: new Map(),
    foreignKeys: [],
    functions: new Map(),
    rowFunctions: [],
    roleSettings: new Map(),
    config: new Map(),
  };
  for (const row of tables.rows) cache.tables.set(tableKey(row.schema, row.name), toTable(row));
  addKeys(cache, tables.rows, constraints.rows);
  for (const row of functions.rows) {
    const fn = toFunc(row);
    if (fn.argTable !== null && cache.tables.has(fn.argTable)) cache.rowFunctions.push(fn);
    if (!callable(fn)) continue;
    const key = tableKey(fn.schema, fn.name);
    cache.functions.set(key, [...(cache.functions.get(key) ?? []), fn]);
  }
  for (const overloads of cache.functions.values()) overloads.sort(compareOverloads);
  for (const row of roles.rows) {
    const settings = cache.roleSettings.get(row.role) ?? [];
    for (const entry of row.settings) {
      const at = entry.indexOf("=");
      const name = entry.slice(0, at);
      if (APPLIED_SETTINGS.has(name) && !settings.some(([n]) => n === name)) settings.push([name, entry.slice(at + 1)]);
      // Rows come role-wide first: a database's own setting replaces it (PostgREST's priority).
      if (row.role === LOGIN_ROLE && name.startsWith("pgrst.")) cache.config.set(name.slice(6), entry.slice(at + 1));
    }
    cache.roleSettings.set(row.role, settings);
  }
  return cache;
}

function toTable(row: TableRow): Table {
  return {
    schema: row.schema,
    name: row.name,
    kind: row.kind === "r" || row.kind === "p" ? "table" : "view",
    columns: new Map(row.columns.map((c) => [c.name, c])),
    pk: [],
    uniques: [],
    description: row.description,
  };
}

/** Primary keys, unique constraints and foreign keys of the tables, then those the views inherit. */
function addKeys(cache: SchemaCache, tableRows: TableRow[], rows: ConstraintRow[]): void {
  const uniques = new Map<string, string[][]>();
  for (const row of rows) {
    const table = cache.tables.get(tableKey(row.schema, row.table));
    if (row.type === "p" && table) table.pk = row.columns;
    if (row.type === "p" || row.type === "u") {
      uniques.set(tableKey(row.schema, row.table), [
        ...(uniques.get(tableKey(row.schema, row.table)) ?? []),
        row.columns,
      ]);
      if (table) table.uniques.push(row.columns);
    }
  }
  const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((c) => b.includes(c));
  const fks = rows.flatMap((row): NumberedForeignKey[] => {
    if (row.type !== "f" || !row.ref_schema || !row.ref_table) return [];
    const oneToOne = (uniques.get(tableKey(row.schema, row.table)) ?? []).some((u) => sameSet(u, row.columns));
    const fk = {
      name: row.name,
      schema: row.schema,
      table: row.table,
      columns: row.columns,
      refSchema: row.ref_schema,
      refTable: row.ref_table,
      refColumns: row.ref_columns,
      oneToOne,
      relid: Number(row.relid),
      keys: row.keys,
      refRelid: Number(row.ref_relid),
      refKeys: row.ref_keys,
    };
    return [fk];
  });
  const views: ViewRow[] = tableRows.flatMap((row) => {
    if (row.view_query === null) return [];
    const columns = new Map(row.attnums.map((num, i) => [num, row.columns[i]?.name ?? ""]));
    return [
      { oid: Number(row.oid), schema: row.schema, name: row.name, columns, origins: viewColumnOrigins(row.view_query) },
    ];
  });
  const keys = rows.map((row) => ({ type: row.type, relid: Number(row.relid), keys: row.keys }));
  const exposed = new Set(cache.schemas);
  for (const { relid: _r, keys: _k, refRelid: _rr, refKeys: _rk, ...fk } of fks)
    if (exposed.has(fk.schema) || exposed.has(fk.refSchema)) cache.foreignKeys.push(fk);
  cache.foreignKeys.push(...addViewKeys(cache.tables, views, keys, fks));
}

/** PostgREST leaves out functions it cannot call by name: two unnamed arguments, or one of a type no body maps to. */
function callable(fn: Func): boolean {
  const unnamed = fn.args.filter((a) => a.name === "");
  if (unnamed.length === 0) return true;
  return unnamed.length === 1 && ["bytea", "json", "jsonb", "text", "xml"].includes(unnamed[0]?.type ?? "");
}

const order = <T>(a: T, b: T): number => (a < b ? -1 : a > b ? 1 : 0);

/** PostgREST's overload order: fewer arguments first, then description, then arguments by name, type, default. */
function compareOverloads(a: Func, b: Func): number {
  if (a.args.length !== b.args.length) return a.args.length - b.args.length;
  if (a.description !== b.description)
    return a.description === null ? -1 : b.description === null ? 1 : order(a.description, b.description);
  for (let i = 0; i < a.args.length; i++) {
    const x = a.args[i];
    const y = b.args[i];
    if (!x || !y) break;
    const diff = order(x.name, y.name) || order(x.type, y.type) || order(!x.hasDefault, !y.hasDefault);
    if (diff !== 0) return diff;
  }
  return 0;
}

function toFunc(row: FunctionRow): Func {
  const args: FuncArg[] = [];
  const outColumns: Column[] = [];
  const firstDefault = row.nargs - row.ndefaults;
  let inIndex = 0;
  row.arg_types.forEach((type, i) => {
    const mode = row.arg_modes[i] ?? "i";
    const name = row.arg_names[i] ?? "";
    if (mode === "i" || mode === "b" || mode === "v") {
      args.push({ name, type, hasDefault: inIndex >= firstDefault, variadic: mode === "v" });
      inIndex++;
    }
    if (mode === "o" || mode === "b" || mode === "t") {
      outColumns.push({ name, type, notNull: false, default: null, generated: false });
    }
  });
  // OUT, INOUT or TABLE arguments make rows with columns, even one of them (PostgREST: composite).
  const composite = row.typtype === "c" || outColumns.length > 0;
  return {
    schema: row.schema,
    name: row.name,
    args,
    returnType: row.return_type,
    returnsSet: row.returns_set,
    singleRow: !row.returns_set || Number(row.rows) === 1,
    returns: row.return_type === "void" ? "void" : composite ? "composite" : "scalar",
    resultColumns: row.typtype === "c" ? row.type_columns : outColumns,
    returnTable: row.ret_schema && row.ret_table ? tableKey(row.ret_schema, row.ret_table) : null,
    volatility: row.volatility === "i" ? "immutable" : row.volatility === "s" ? "stable" : "volatile",
    variadic: row.variadic,
    settings: row.config.map((entry) => {
      const at = entry.indexOf("=");
      return [entry.slice(0, at), entry.slice(at + 1)];
    }),
    description: row.description,
    argTable: row.arg_schema && row.arg_table ? tableKey(row.arg_schema, row.arg_table) : null,
  };
}
