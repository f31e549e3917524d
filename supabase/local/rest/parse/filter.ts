/**
 * Filter grammar: `col=[not.]op[(modifier)].value` at the top level, and the logic trees of
 * `or=(…)` / `and=(…)` (nested, `not.`-able) whose leaves are `field.[not.]op.value`.
 */
import { Cursor } from "./cursor";
import { NAME_STOPS, parseField } from "./field";
import { FTS_OPS, IS_VALUES, QUANTIFIABLE, SIMPLE_OPS } from "./ast";
import type { Condition, Field, Filter, IsValue, LogicTree, OpExpr } from "./ast";

const OPERATORS = [...SIMPLE_OPS, "in", "is", ...FTS_OPS];
const OPERATOR_LIST = `operator (${OPERATORS.join(", ")})`;

/** A filter value from the query string: `key` is the field, `raw` is `[not.]op.value`. */
export function parseFilterValue(field: Field, raw: string): Filter {
  const cur = new Cursor(raw, "filter");
  return parseOperation(cur, field, true);
}

/** The `or=` / `and=` value `(…)`. */
export function parseLogicValue(op: "and" | "or", negate: boolean, raw: string): LogicTree {
  const cur = new Cursor(raw, "logic tree");
  const tree = parseLogicBody(cur, op, negate);
  if (!cur.done) throw cur.fail("end of input");
  return tree;
}

function parseLogicBody(cur: Cursor, op: "and" | "or", negate: boolean, opened = false): LogicTree {
  if (!opened) cur.expect("(");
  const children: Condition[] = [];
  do children.push(parseLogicChild(cur));
  while (cur.eat(","));
  cur.expect(")", '"," or ")"');
  return { kind: "logic", op, negate, children };
}

function parseLogicChild(cur: Cursor): Condition {
  const negate = cur.startsWith("not.and(") || cur.startsWith("not.or(") ? cur.eat("not.") : false;
  if (cur.eat("and(")) return cur.nested(() => parseLogicBody(cur, "and", negate, true));
  if (cur.eat("or(")) return cur.nested(() => parseLogicBody(cur, "or", negate, true));
  const field = parseField(cur, NAME_STOPS);
  cur.expect(".", '"." after the field name');
  return { kind: "filter", filter: parseOperation(cur, field, false) };
}

function parseOperation(cur: Cursor, field: Field, topLevel: boolean): Filter {
  const negate = cur.eat("not.");
  const opName = /^[a-z]+/.exec(cur.input.slice(cur.pos))?.[0] ?? "";
  if (!OPERATORS.includes(opName)) throw cur.fail(negate ? OPERATOR_LIST : `"not" or ${OPERATOR_LIST}`);
  cur.pos += opName.length;
  const modifier = parseModifier(cur, opName);
  cur.expect(".", '"." after the operator');
  return { field, negate, expr: parseOperand(cur, opName, modifier, topLevel) };
}

function parseModifier(cur: Cursor, op: string): string | undefined {
  if (!cur.eat("(")) return undefined;
  const end = cur.input.indexOf(")", cur.pos);
  if (end < 0) throw cur.fail('")"');
  const modifier = cur.input.slice(cur.pos, end);
  const quantified = (QUANTIFIABLE as readonly string[]).includes(op) && (modifier === "any" || modifier === "all");
  const ftsConfig = (FTS_OPS as readonly string[]).includes(op) && /^[A-Za-z0-9_.]+$/.test(modifier);
  if (!quantified && !ftsConfig) throw cur.fail(op.endsWith("fts") ? "text search configuration" : '"any" or "all"');
  cur.pos = end + 1;
  return modifier;
}

function parseOperand(cur: Cursor, op: string, modifier: string | undefined, topLevel: boolean): OpExpr {
  if (op === "in") return { op, values: parseList(cur) };
  const value = topLevel ? cur.input.slice(cur.pos) : logicValue(cur);
  if (topLevel) cur.pos = cur.input.length;
  if (op === "is") {
    const lowered = value.toLowerCase();
    if (!(IS_VALUES as readonly string[]).includes(lowered)) {
      throw cur.fail("null, not_null, true, false or unknown");
    }
    return { op, value: lowered as IsValue };
  }
  if ((FTS_OPS as readonly string[]).includes(op)) {
    return { op: op as (typeof FTS_OPS)[number], value, ...(modifier !== undefined && { config: modifier }) };
  }
  const quantifier = modifier as "any" | "all" | undefined;
  return { op: op as (typeof SIMPLE_OPS)[number], value, ...(quantifier && { quantifier }) };
}

/** `(a,b,"c,d")`: items quoted or bare (bare items stop at `,` and `)`). */
function parseList(cur: Cursor): string[] {
  cur.expect("(");
  const values: string[] = [];
  if (cur.eat(")")) return values;
  do {
    const quoted = cur.quoted();
    if (quoted !== null) values.push(quoted);
    else {
      const start = cur.pos;
      while (!cur.done && cur.peek() !== "," && cur.peek() !== ")") cur.pos++;
      values.push(cur.input.slice(start, cur.pos));
    }
  } while (cur.eat(","));
  cur.expect(")", '"," or ")"');
  return values;
}

/** A value inside a logic tree: quoted, or up to `,`/`)` outside `{}`/`[]` (so array/JSON literals survive). */
function logicValue(cur: Cursor): string {
  const quoted = cur.quoted();
  if (quoted !== null) return quoted;
  const start = cur.pos;
  let depth = 0;
  while (!cur.done) {
    const ch = cur.peek();
    if (ch === "{" || ch === "[") depth++;
    else if ((ch === "}" || ch === "]") && depth > 0) depth--;
    else if (depth === 0 && (ch === "," || ch === ")")) break;
    cur.pos++;
  }
  return cur.input.slice(start, cur.pos);
}
