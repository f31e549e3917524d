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
