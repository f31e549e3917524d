/**
 * RFC 4180 CSV, both ways: quoted fields with "" escapes and line breaks inside quotes, CRLF or LF,
 * a leading BOM ignored. Pure, so the parser is tested as a table of input → rows.
 */

export class CsvError extends Error {
  override name = "CsvError";
}

/** Parses CSV text into rows of cells (the header is just the first row). */
export function parseCsv(text: string): string[][] {
  const input = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  let line = 1;
  for (let i = 0; i < input.length; i += 1) {
    const ch = input[i];
    if (quoted) {
      if (ch === '"' && input[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (ch === '"') {
        quoted = false;
      } else {
        if (ch === "\n") line += 1;
        cell += ch;
      }
    } else if (ch === '"') {
      if (cell.length > 0) throw new CsvError(`line ${line}: a quote may only start a field`);
      quoted = true;
    } else if (ch === ",") {
      row.push(cell);
      cell = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && input[i + 1] === "\n") i += 1;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      line += 1;
    } else {
      cell += ch;
    }
  }
  if (quoted) throw new CsvError(`line ${line}: a quoted field is not closed`);
  if (cell.length > 0 || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  // Blank lines (a single empty cell) carry no data.
  return rows.filter((cells) => !(cells.length === 1 && cells[0] === ""));
}

function escapeCell(value: string): string {
  return /[",\r\n]/.test(value) || /^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Serialises rows (first row = header) with CRLF line ends, quoting only where needed. */
export function formatCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((cells) => cells.map(escapeCell).join(",")).join("\r\n") + "\r\n";
}
