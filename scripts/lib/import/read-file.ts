/**
 * Reads an import file into records: `.csv` (header row + one row per person) or `.json` (an array
 * of objects, or `{ "users": [...] }`). The header (or the union of JSON keys) is checked before any
 * row is looked at, so a file with wrong columns is refused as a whole.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { checkHeader, describeHeaderProblem, LIST_COLUMNS, LIST_SEPARATOR } from "./columns";
import { parseCsv } from "./csv";

export interface ImportRecord {
  /** 1-based data row number (CSV: line 2 is row 1; JSON: array index + 1). */
  row: number;
  values: Record<string, unknown>;
}

export class ImportFileError extends Error {
  override name = "ImportFileError";
}

export type FileFormat = "csv" | "json";

export function formatOf(file: string, override?: string): FileFormat {
  const format = (override ?? path.extname(file).slice(1)).toLowerCase();
  if (format === "csv" || format === "json") return format;
  throw new ImportFileError(`cannot tell the format of "${file}": use a .csv or .json file, or --format csv|json`);
}

export function recordsFromCsv(text: string): ImportRecord[] {
  const [header, ...rows] = parseCsv(text);
  if (!header) throw new ImportFileError("the file is empty (expected a header row with at least an email column)");
  const columns = header.map((column) => column.trim());
  const problem = checkHeader(columns);
  if (problem) throw new ImportFileError(describeHeaderProblem(problem));
  return rows.map((cells, index) => {
    if (cells.length !== columns.length) {
      return { row: index + 1, values: { __cellCount: `has ${cells.length} cells, the header has ${columns.length}` } };
    }
    const values: Record<string, unknown> = {};
    columns.forEach((column, at) => {
      const cell = cells[at] ?? "";
      values[column] = LIST_COLUMNS.has(column) || column === "answered_fields" ? splitList(cell) : cell;
    });
    return { row: index + 1, values };
  });
}

function splitList(cell: string): string[] {
  return cell
    .split(LIST_SEPARATOR)
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
}

export function recordsFromJson(text: string): ImportRecord[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new ImportFileError(`not valid JSON: ${(error as Error).message}`);
  }
  const list = Array.isArray(data) ? data : (data as { users?: unknown } | null)?.users;
  if (!Array.isArray(list)) throw new ImportFileError('expected a JSON array of objects, or { "users": [ … ] }');
  const keys = new Set<string>();
  for (const item of list)
    if (item && typeof item === "object" && !Array.isArray(item)) Object.keys(item).forEach((key) => keys.add(key));
  const problem = checkHeader([...keys]);
  if (problem && (problem.unknown.length > 0 || (problem.missingEmail && list.length > 0))) {
    throw new ImportFileError(describeHeaderProblem(problem));
  }
  return list.map((item, index) =>
    item && typeof item === "object" && !Array.isArray(item)
      ? { row: index + 1, values: item as Record<string, unknown> }
      : { row: index + 1, values: { __cellCount: "is not an object" } },
  );
}

export async function readImportFile(file: string, formatOverride?: string): Promise<ImportRecord[]> {
  const format = formatOf(file, formatOverride);
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    throw new ImportFileError(
      `cannot read "${file}": ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    );
  }
  return format === "csv" ? recordsFromCsv(text) : recordsFromJson(text);
}
