/** Field names with JSON paths (`data->a->>b`) and `::type` casts, shared by select, filters and order. */
import type { Cursor } from "./cursor";
import type { Field, JsonStep } from "./ast";

/** Characters that end a name in any of the query grammars. */
export const NAME_STOPS = ',.:()!"*';

export function parseField(cur: Cursor, stops = NAME_STOPS): Field {
  const name = cur.name(stops);
  const json: JsonStep[] = [];
  while (cur.startsWith("->")) {
    const arrow = cur.eat("->>") ? "->>" : (cur.eat("->"), "->");
    json.push({ arrow, key: cur.name(stops, "json key") });
  }
  return { name, json };
}

/**
 * Cast target, PostgREST's grammar: letters, digits, `_`, `$` and spaces, trimmed (`::double precision`,
 * `::_int4`; no `[]`, no schema). The SQL stage writes it through `typeName`, never as raw text.
 */
export function parseCast(cur: Cursor): string | undefined {
  if (!cur.eat("::")) return undefined;
  const match = /^[\p{L}0-9_$ ]+/u.exec(cur.input.slice(cur.pos));
  if (!match || match[0].trim() === "") throw cur.fail("letter or digit");
  cur.pos += match[0].length;
  return match[0].trim();
}

/** The name a field has in the output: the last JSON key, else the column (PostgREST's rule). */
export function fieldOutputName(field: Field): string {
  const last = field.json[field.json.length - 1];
  return last ? last.key : field.name;
}
