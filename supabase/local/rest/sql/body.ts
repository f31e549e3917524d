/**
 * The body aggregate of a statement (pure), made by Postgres as text: a JSON array (`json_agg`) or
 * CSV as PostgREST writes it — a header of the column names (those of the first row, unquoted), then
 * one line per row in Postgres's record text (`row::text` without its parentheses: NULL is empty, a
 * value with a comma, quote, backslash, parenthesis or space is double-quoted with `"` and `\`
 * doubled), lines joined by `\n`, no final newline.
 */
export interface BodyOptions {
  csv?: boolean;
  stripNulls?: boolean;
}

const ROW = `"pgrst_t"`;
const SOURCE = `"pgrst_source"`;

function csvLines(record: string): string {
  return `coalesce(string_agg(substring(${record}::text, 2, length(${record}::text) - 2), chr(10)), '')`;
}

/** Rows of `"pgrst_source"`, read as `"pgrst_t"`. */
export function rowsBodySql(opts: BodyOptions): string {
  if (opts.csv) {
    const header = `(SELECT coalesce(string_agg("pgrst_k"."k", ','), '') FROM (SELECT json_object_keys(row_to_json("pgrst_h"))::text AS "k" FROM (SELECT * FROM ${SOURCE} LIMIT 1) AS "pgrst_h") AS "pgrst_k")`;
    return `(${header} || chr(10) || ${csvLines(ROW)})`;
  }
  const rows = `coalesce(json_agg(${ROW}), '[]')`;
  return `${opts.stripNulls ? `json_strip_nulls(${rows})` : rows}::text`;
}

/**
 * Values of a function returning a scalar (`aggregate`: a set of them), in `value`. PostgREST names
 * the column `pgrst_scalar`, which is the CSV header.
 */
export function scalarBodySql(value: string, aggregate: boolean, opts: BodyOptions): string {
  if (opts.csv) {
    const lines = aggregate
      ? csvLines(`ROW(${value})`)
      : `coalesce(substring(ROW(${value})::text, 2, length(ROW(${value})::text) - 2), '')`;
    return `('pgrst_scalar' || chr(10) || ${lines})`;
  }
  return aggregate ? `coalesce(json_agg(${value}), '[]')::text` : `to_json(${value})::text`;
}
