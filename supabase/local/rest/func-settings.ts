/**
 * A function's own `SET` clauses that PostgREST applies to the whole call: those named in
 * `db-hoisted-tx-settings` (in the database `pgrst.db_hoisted_tx_settings`; by default
 * `statement_timeout`, `plan_filter.statement_cost_limit`, `default_transaction_isolation`) are set
 * for the transaction before the statement, so a function's `statement_timeout` bounds its own call
 * (Postgres applies a `SET` clause only once the function runs, too late for a timeout). Its
 * `default_transaction_isolation` is the transaction's isolation level.
 */
import type { Func } from "./schema/types";

export type IsolationLevel = "READ COMMITTED" | "REPEATABLE READ" | "SERIALIZABLE";

const DEFAULT_HOISTED = ["statement_timeout", "plan_filter.statement_cost_limit", "default_transaction_isolation"];

export interface CallSettings {
  settings: [string, string][];
  isolation?: IsolationLevel;
}

export function callSettings(fn: Func, config: Map<string, string>): CallSettings {
  const listed = config.get("db_hoisted_tx_settings");
  const names = listed === undefined || listed.trim() === "" ? DEFAULT_HOISTED : splitOnCommas(listed);
  const settings = fn.settings.filter(([name]) => names.includes(name));
  const isolation = fn.settings.find(([name]) => name === "default_transaction_isolation")?.[1];
  return { settings, ...(isolation !== undefined && { isolation: isolationLevel(isolation) }) };
}

function splitOnCommas(list: string): string[] {
  return list
    .split(",")
    .map((name) => name.trim())
    .filter((name) => name !== "");
}

/** PostgREST's reading of the value (its first comma-separated word); anything unknown is read committed. */
function isolationLevel(value: string): IsolationLevel {
  const level = (value.split(",")[0] ?? "").trim().toLowerCase();
  if (level === "repeatable read") return "REPEATABLE READ";
  if (level === "serializable") return "SERIALIZABLE";
  return "READ COMMITTED";
}
