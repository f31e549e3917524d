/**
 * EXPLAIN statements (pure), as PostgREST writes them: the plan of a request's statement
 * (`Accept: application/vnd.pgrst.plan`), and the planner's row estimate behind `count=planned`.
 * The options are this module's own words, chosen from the negotiated list, never the client's text.
 */
import type { Explain } from "../media";
import type { ReadNode } from "../plan/types";
import { Params } from "./quote";
import { selectParts, whereSql } from "./read";
import type { Statement } from "./statement";

const OPTION_WORDS = { analyze: "ANALYZE", verbose: "VERBOSE", settings: "SETTINGS", buffers: "BUFFERS", wal: "WAL" };

function explainPrefix(format: Explain["format"], options: Explain["options"]): string {
  const words = [format === "json" ? "FORMAT JSON" : "FORMAT TEXT", ...options.map((o) => OPTION_WORDS[o])];
  return `EXPLAIN (${words.join(", ")}) `;
}

/** The statement's plan instead of its result: one row per line of text, or one JSON document. */
export function explainStatement(statement: Statement, explain: Explain): Statement {
  return {
    text: explainPrefix(explain.format, explain.options) + statement.text,
    params: statement.params,
    shape: "plan",
    // A cached statement takes each request's body in the same parameter.
    ...(statement.bodyIndex !== undefined && { bodyIndex: statement.bodyIndex }),
  };
}

/**
 * The rows the filters select, without columns, order or paging (PostgREST's count query), for
 * the planner to estimate: its top node's `Plan Rows`. Built with its own parameters, so that
 * every one it sends is one it uses.
 */
export function plannedCount(node: ReadNode): { text: string; params: unknown[] } {
  const params = new Params();
  const rows: ReadNode = { ...node, items: node.items.filter((i) => i.kind === "embed"), order: [] };
  delete rows.limit;
  delete rows.offset;
  const parts = selectParts(rows, params, "pgrst_mut");
  return {
    text: `${explainPrefix("json", [])}SELECT 1 FROM ${parts.from}${whereSql(parts.where)}`,
    params: params.values,
  };
}
