/** INSERT / upsert / UPDATE / DELETE text. The JSON body is one bind parameter read by json_populate_record(set). */
import type { MutatePlan, ReadNode } from "../plan/types";
import type { Table } from "../schema/types";
import { conditionSql } from "./expr";
import { orderBySql } from "./order";
import { ident, qualified, type Params } from "./quote";
import { whereSql } from "./read";

/** Columns the returned-rows read needs from RETURNING: `*` when it selects `*`. */
export function returningList(node: ReadNode, alias: string): string {
  const needed = new Set<string>();
  for (const item of node.items) {
    // Qualified: UPDATE … FROM would otherwise return the body's columns too.
    // Computed columns and relationships read the whole row.
    if (item.kind === "star" || (item.kind === "column" && item.computed)) return `${ident(alias)}.*`;
    if (item.kind === "column") needed.add(item.column);
    else if (item.kind === "embed") {
      if (item.node.source.kind === "rowCall") return `${ident(alias)}.*`;
      for (const pair of item.node.join?.on ?? []) needed.add(pair.parent);
      for (const pair of item.node.join?.junction?.toParent ?? []) needed.add(pair.parent);
    }
  }
  for (const order of node.order) {
    // A `rel(col)` term reads the embed, whose join columns are counted above.
    if (order.embed) continue;
    if (order.computed) return `${ident(alias)}.*`;
    needed.add(order.column);
  }
  return needed.size > 0 ? [...needed].map((c) => `${ident(alias)}.${ident(c)}`).join(", ") : "1";
}

function insertValues(plan: MutatePlan, table: Table, params: Params): string {
  const rowType = `NULL::${qualified(table.schema, table.name)}`;
  const body = params.addBody(JSON.stringify(plan.body));
  if (!plan.missingDefault) {
    const cols = plan.columns.map((c) => `"pgrst_body".${ident(c)}`).join(", ");
    return `SELECT ${cols} FROM json_populate_recordset(${rowType}, ${body}::json) AS "pgrst_body"`;
  }
  // missing=default: a key absent from a row takes the column default, not NULL. As PostgREST, every
  // default is evaluated for every row (a sequence advances even for rows that name the column).
  const defaults = plan.columns.flatMap((c) => {
    const fallback = table.columns.get(c)?.default;
    return fallback ? [`${fallback} AS ${ident(c)}`] : [];
  });
  const cols = plan.columns.map((c) => {
    const fallback = table.columns.get(c)?.default ? `"pgrst_defaults".${ident(c)}` : "NULL";
    return `CASE WHEN "pgrst_elem"::jsonb ? ${params.add(c)}::text THEN (json_populate_record(${rowType}, "pgrst_elem")).${ident(c)} ELSE ${fallback} END`;
  });
  // The reference to the row keeps Postgres from evaluating an uncorrelated subquery only once.
  const lateral =
    defaults.length > 0
      ? `, LATERAL (SELECT ${defaults.join(", ")} WHERE "pgrst_elem" IS NOT NULL) AS "pgrst_defaults"`
      : "";
  return `SELECT ${cols.join(", ")} FROM json_array_elements(${body}::json) AS "pgrst_elem"${lateral}`;
}

/**
 * A merge upsert counts the rows it inserts as PostgREST does: +1 per candidate row, -1 per row the
 * conflict turned into an update, in the transaction-local `pgrst.inserted` (read by `INSERTED_SQL`).
 * Nothing is read from the rows, so no SELECT policy or privilege is needed for it.
 */
function countInserted(delta: "+" | "-"): string {
  const current = `coalesce(nullif(current_setting('pgrst.inserted', true), '')::int, 0)`;
  return `set_config('pgrst.inserted', (${current} ${delta} 1)::text, true) IS NOT NULL`;
}

/** The rows a merge upsert inserted (0: it only updated), once the statement has run. */
export const INSERTED_SQL = `coalesce(nullif(current_setting('pgrst.inserted', true), '')::int, 0)`;

export function mutationSql(plan: MutatePlan, params: Params, returning: string | null): string {
  const table = plan.table;
  const target = qualified(table.schema, table.name);
  const alias = ident(table.name);
  const ret = returning === null ? "" : ` RETURNING ${returning}`;
  if (plan.kind === "insert") {
    const columns = plan.columns.length > 0 ? ` (${plan.columns.map(ident).join(", ")})` : "";
    let conflict = "";
    let counted = "";
    if (plan.onConflict) {
      const target = `(${plan.onConflict.columns.map(ident).join(", ")})`;
      const sets = plan.columns.map((c) => `${ident(c)} = EXCLUDED.${ident(c)}`);
      const merge = plan.onConflict.action === "merge" && sets.length > 0;
      // PUT inserts the body's row only where it matches the URL's primary key.
      const put = (plan.put ?? []).map((c) => conditionSql("pgrst_body", c, params));
      if (merge) counted = ` WHERE ${[countInserted("+"), ...put].join(" AND ")}`;
      conflict = merge
        ? ` ON CONFLICT ${target} DO UPDATE SET ${sets.join(", ")} WHERE ${countInserted("-")}`
        : ` ON CONFLICT ${target} DO NOTHING`;
    }
    return `INSERT INTO ${target}${columns} ${insertValues(plan, table, params)}${counted}${conflict}${ret}`;
  }
  const conditions = plan.where.map((c) => conditionSql(table.name, c, params));
  if (plan.limit !== undefined) {
    // Limited PATCH/DELETE, as PostgREST does it: pick the rows by ctid in a subquery.
    const order = orderBySql(table.name, plan.order, params);
    const orderBy = order !== "" ? ` ${order}` : "";
    conditions.push(
      `${alias}.ctid = ANY(ARRAY(SELECT ${alias}.ctid FROM ${target} AS ${alias}${whereSql([...conditions])}${orderBy} LIMIT ${params.add(plan.limit)}))`,
    );
  }
  const where = whereSql(conditions);
  if (plan.kind === "delete") return `DELETE FROM ${target} AS ${alias}${where}${ret}`;
  if (plan.columns.length === 0) {
    // An empty PATCH body changes nothing; answer with the matching rows PostgREST would return.
    return `SELECT ${returning ?? "1"} FROM ${target} AS ${alias}${whereSql(["false"])}`;
  }
  const body = `json_populate_record(NULL::${target}, ${params.addBody(JSON.stringify(plan.body))}::json)`;
  const sets = plan.columns.map((c) => `${ident(c)} = "pgrst_body".${ident(c)}`).join(", ");
  return `UPDATE ${target} AS ${alias} SET ${sets} FROM ${body} AS "pgrst_body"${where}${ret}`;
}
