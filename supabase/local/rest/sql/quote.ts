/**
 * The one quoting helper of the REST service. Identifiers are always double-quoted here; values never
 * reach SQL text — they go through `Params.add` as bind parameters ($1, $2, …).
 */
export function ident(name: string): string {
  // NUL cannot appear in an identifier; Postgres would truncate at it, so drop it rather than mis-quote.
  return `"${name.replace(/\0/g, "").replace(/"/g, '""')}"`;
}

export function qualified(schema: string, name: string): string {
  return `${ident(schema)}.${ident(name)}`;
}

/**
 * Type names Postgres's grammar spells as keywords: they only work unquoted (`"int"` is no type), so
 * they are written from this list — never from the client's text.
 */
const KEYWORD_TYPES = new Set([
  "int",
  "integer",
  "smallint",
  "bigint",
  "real",
  "float",
  "double precision",
  "decimal",
  "dec",
  "numeric",
  "boolean",
  "bit",
  "bit varying",
  "character",
  "character varying",
  "char",
  "char varying",
  "varchar",
  "national character",
  "national character varying",
  "national char",
  "national char varying",
  "nchar",
  "nchar varying",
  "timestamp",
  "timestamp with time zone",
  "timestamp without time zone",
  "time",
  "time with time zone",
  "time without time zone",
  "interval",
  "json",
]);

/**
 * A `::cast` target as SQL. The name is folded like an unquoted identifier (ASCII lower case, runs of
 * spaces as one); a keyword type comes from the list above, anything else is one quoted identifier,
 * so an unknown name is Postgres's own "type … does not exist" (42704) and never SQL.
 */
export function typeName(name: string): string {
  const folded = name
    .trim()
    .replace(/ +/g, " ")
    .replace(/[A-Z]/g, (c) => c.toLowerCase());
  return KEYWORD_TYPES.has(folded) ? folded : ident(folded);
}

export class Params {
  readonly values: unknown[] = [];
  /** Index of the request body's parameter, so a cached statement can be reused with a new body. */
  bodyIndex: number | undefined;
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
  addBody(value: unknown): string {
    this.bodyIndex = this.values.length;
    return this.add(value);
  }
}
