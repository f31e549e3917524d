/** `order=` grammar: `field[.asc|.desc][.nullsfirst|.nullslast]`, comma separated. */
import { Cursor } from "./cursor";
import { parseField } from "./field";
import type { OrderTerm } from "./ast";

export function parseOrder(input: string): OrderTerm[] {
  const cur = new Cursor(input, "order");
  const terms: OrderTerm[] = [];
  do {
    const term: OrderTerm = { field: parseField(cur) };
    if (cur.eat(".asc")) term.direction = "asc";
    else if (cur.eat(".desc")) term.direction = "desc";
    if (cur.eat(".nullsfirst")) term.nulls = "first";
    else if (cur.eat(".nullslast")) term.nulls = "last";
    if (!cur.done && cur.peek() !== ",") throw cur.fail('".asc", ".desc", ".nullsfirst", ".nullslast" or ","');
    terms.push(term);
  } while (cur.eat(","));
  if (!cur.done) throw cur.fail("end of input");
  return terms;
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
