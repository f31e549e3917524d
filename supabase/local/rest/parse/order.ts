/** `order=` grammar: `[rel(]field[)][.asc|.desc][.nullsfirst|.nullslast]`, comma separated. */
import { ParseError } from "../errors";
import { Cursor } from "./cursor";
import { parseField } from "./field";
import type { OrderTerm } from "./ast";

const AFTER_TERM = '".asc", ".desc", ".nullsfirst", ".nullslast" or ","';

export function parseOrder(input: string): OrderTerm[] {
  const cur = new Cursor(input, "order");
  const terms: OrderTerm[] = [];
  do {
    const field = parseField(cur);
    const open = cur.pos;
    const term: OrderTerm =
      field.json.length === 0 && cur.peek() === "(" ? relationTerm(cur, field.name, open) : termEnd(cur, { field });
    terms.push(term);
  } while (cur.eat(","));
  if (!cur.done) throw cur.fail("end of input");
  return terms;
}

/**
 * `rel(field)…`. PostgREST tries this form first and, when any part of it fails, reads the term
 * again as a plain column, so the error points at the `(` a column cannot be followed by.
 */
function relationTerm(cur: Cursor, relation: string, open: number): OrderTerm {
  try {
    cur.expect("(");
    const field = parseField(cur);
    cur.expect(")");
    return termEnd(cur, { relation, field });
  } catch (error) {
    if (!(error instanceof ParseError)) throw error;
    cur.pos = open;
    throw cur.fail(AFTER_TERM);
  }
}

function termEnd(cur: Cursor, term: OrderTerm): OrderTerm {
  if (cur.eat(".asc")) term.direction = "asc";
  else if (cur.eat(".desc")) term.direction = "desc";
  if (cur.eat(".nullsfirst")) term.nulls = "first";
  else if (cur.eat(".nullslast")) term.nulls = "last";
  if (!cur.done && cur.peek() !== ",") throw cur.fail(AFTER_TERM);
  return term;
}

/** A comma list of column names (`columns=`, `on_conflict=`), each optionally double-quoted. */
export function parseColumnList(input: string, what: string): string[] {
  const cur = new Cursor(input, what);
  const names: string[] = [];
  do names.push(cur.name(","));
  while (cur.eat(","));
  if (!cur.done) throw cur.fail('"," or end of input');
  return names;
}
