/**
 * The request body by its `Content-Type`, as PostgREST reads it (pure): JSON (also when the header is
 * absent); `text/csv` (a header line of column names, one object per line, every value a string and
 * `NULL` null); `application/x-www-form-urlencoded` (one object of strings); and, for a function,
 * `text/plain`, `text/xml` and `application/octet-stream` as is, for a lone unnamed argument of type
 * text, xml or bytea. Anything else → 400 PGRST102 "Content-Type not acceptable".
 */
import { ParseError } from "./errors";
import type { RawBody, Target } from "./parse/ast";
import { parseJsonBody } from "./parse/request";

export interface Payload {
  body: unknown;
  raw?: RawBody;
  /** A form body for a function: its pairs, as a variadic argument takes every value of its name. */
  form?: [string, string][];
  /** A JSON body for a function, as sent: Postgres reads the arguments from it (numbers keep their digits). */
  json?: string;
}

const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

const RAW_TYPES: Record<string, RawBody["type"]> = {
  "text/plain": "text",
  "text/xml": "xml",
  "application/octet-stream": "bytea",
};

function text(bytes: Buffer | string): string {
  if (typeof bytes === "string") return bytes;
  try {
    return utf8.decode(bytes);
  } catch {
    // A body that is not UTF-8 is not JSON (nor CSV, nor text): PostgREST's parsers refuse it.
    throw new ParseError(400, "PGRST102", "Empty or invalid json");
  }
}

export function decodePayload(bytes: Buffer | string, contentType: string | undefined, target: Target): Payload {
  const mime = (contentType ?? "application/json").split(";")[0]?.trim().toLowerCase() ?? "";
  if (mime === "application/json" || mime === "") {
    const json = text(bytes);
    return { body: parseJsonBody(json, target), ...(target.kind === "rpc" && { json }) };
  }
  if (mime === "text/csv") return { body: parseCsv(text(bytes)) };
  if (mime === "application/x-www-form-urlencoded") {
    const pairs = [...new URLSearchParams(text(bytes))];
    return { body: Object.fromEntries(pairs), ...(target.kind === "rpc" && { form: pairs }) };
  }
  const raw = RAW_TYPES[mime];
  if (raw && target.kind === "rpc") {
    return { body: {}, raw: { type: raw, value: raw === "bytea" ? Buffer.from(bytes) : text(bytes) } };
  }
  throw new ParseError(400, "PGRST102", `Content-Type not acceptable: ${mime}`);
}

/** RFC 4180 records: `,` separated, `"` quoted with `""` inside, CRLF or LF line ends. */
function records(input: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < input.length; i++) {
    const char = input[i];
    if (quoted) {
      if (char === '"' && input[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"' && field === "") quoted = true;
    else if (char === ",") {
      row.push(field);
      field = "";
    } else if (char === "\n" || char === "\r") {
      if (char === "\r" && input[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += char;
  }
  if (quoted) throw new ParseError(400, "PGRST102", "Invalid CSV: a quoted field is not closed");
  if (field !== "" || row.length > 0) rows.push([...row, field]);
  return rows;
}

function parseCsv(input: string): Record<string, string | null>[] {
  const [header, ...lines] = records(input);
  if (!header) return [];
  return lines.map((fields) => {
    if (fields.length !== header.length) {
      throw new ParseError(400, "PGRST102", "All lines must have same number of fields");
    }
    return Object.fromEntries(header.map((name, i) => [name, fields[i] === "NULL" ? null : (fields[i] ?? "")]));
  });
}
