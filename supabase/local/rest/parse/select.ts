/** `select=` grammar: columns, aliases, casts, `*`, JSON paths and embedded resources (`alias:rel!hint!inner(...)`). */
import { Cursor } from "./cursor";
import { NAME_STOPS, parseCast, parseField } from "./field";
import { AGGREGATES, type Aggregate, type Field, type SelectItem } from "./ast";

export function parseSelect(input: string): SelectItem[] {
  const cur = new Cursor(input, "select parameter");
  const items = parseList(cur);
  if (!cur.done) throw cur.fail('"," or end of input');
  return items;
}

function parseList(cur: Cursor): SelectItem[] {
  const items: SelectItem[] = [];
  if (cur.done || cur.peek() === ")") return items;
  do items.push(parseItem(cur));
  while (cur.eat(","));
  return items;
}

function parseItem(cur: Cursor): SelectItem {
  if (cur.eat("*")) return { kind: "star" };
  if (cur.eat("...")) return parseEmbed(cur, cur.name(NAME_STOPS), undefined, true);
  let alias: string | undefined;
  let start = cur.pos;
  let name = cur.name(NAME_STOPS, 'field name, "*" or "..."');
  if (cur.peek() === ":" && cur.peek(1) !== ":") {
    cur.pos++;
    alias = name;
    start = cur.pos;
    name = cur.name(NAME_STOPS);
  }
  if (name === "count" && cur.eat("()")) {
    const aggregateCast = parseCast(cur);
    return column({ name: "*", json: [] }, alias, undefined, "count", aggregateCast);
  }
  if (cur.peek() === "!" || cur.peek() === "(") return parseEmbed(cur, name, alias, false);
  // Not an embed: read it again as a field, which may carry a JSON path.
  cur.pos = start;
  const field = parseField(cur);
  const cast = parseCast(cur);
  const aggregate = parseAggregate(cur);
  const aggregateCast = aggregate === undefined ? undefined : parseCast(cur);
  return column(field, alias, cast, aggregate, aggregateCast);
}

/** `.sum()`, `.avg()`, `.count()`, `.max()`, `.min()` after a field; anything else is left unread. */
function parseAggregate(cur: Cursor): Aggregate | undefined {
  for (const name of AGGREGATES) {
    if (cur.eat(`.${name}()`)) return name;
  }
  return undefined;
}

function column(
  field: Field,
  alias: string | undefined,
  cast: string | undefined,
  aggregate: Aggregate | undefined,
  aggregateCast: string | undefined,
): SelectItem {
  return {
    kind: "column",
    field,
    ...(alias !== undefined && { alias }),
    ...(cast !== undefined && { cast }),
    ...(aggregate !== undefined && { aggregate }),
    ...(aggregateCast !== undefined && { aggregateCast }),
  };
}

function parseEmbed(cur: Cursor, name: string, alias: string | undefined, spread: boolean): SelectItem {
  let hint: string | undefined;
  let join: "left" | "inner" = "left";
  while (cur.eat("!")) {
    const word = cur.name(NAME_STOPS, "embed hint");
    if (word === "inner" || word === "left") join = word;
    else if (hint === undefined) hint = word;
    else throw cur.fail('"inner" or "left"');
  }
  cur.expect("(");
  const select = cur.nested(() => parseList(cur));
  cur.expect(")", '")" or ","');
  return {
    kind: "embed",
    name,
    join,
    spread,
    select,
    ...(alias !== undefined && { alias }),
    ...(hint !== undefined && { hint }),
  };
}
