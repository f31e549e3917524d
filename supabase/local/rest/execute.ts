/**
 * Execute stage: one transaction per request on a pooled `authenticator` connection. BEGIN, the
 * settings statement (search_path, role settings, role, claims, request.*), the main statement and
 * COMMIT go out pipelined — one network round trip. When the outcome decides commit vs rollback
 * (singular responses of mutations), the end of the transaction waits for the result.
 */
import { createHash } from "node:crypto";
import type pg from "pg";
import { DbError, fromPgError, isPgError } from "./errors";
import type { IsolationLevel } from "./func-settings";
import { ident, qualified } from "./sql/quote";
import type { Statement } from "./sql/statement";

export interface TxSettings {
  searchPath: string;
  roleSettings: [string, string][];
  role: string;
  claimsJson: string;
  method: string;
  path: string;
  headersJson: string;
  /** `Prefer: timezone=…`. */
  timezone?: string;
  /** `pgrst.db_pre_request`: the function called before the statement, as quoted SQL (`preRequestSql`). */
  preRequest?: string;
  /** A called function's own settings that apply to the whole call (`func-settings.ts`), set last. */
  callSettings?: [string, string][];
  /** The transaction's isolation level (a called function's `default_transaction_isolation`). */
  isolation?: IsolationLevel;
}

export interface ExecResult {
  total: string | null;
  page: number;
  body: string | null;
  location: string | null;
  /** Rows an upsert inserted rather than updated (null when the statement does not say). */
  inserted: number | null;
  /** The planner's row estimate (`Statement.countPlan`), when asked for. */
  planned?: number | null;
  /** `response.headers` / `response.status` as the statement left them (functions and triggers may set them). */
  response?: { headers: string | null; status: string | null };
}

/** Returns false to roll back. */
export type Decide = (result: ExecResult) => boolean;

const names = new Map<string, string>();
const NAMED_LIMIT = 2_000;

/** Prepared-statement name for a text; past the limit new texts run unnamed so backends stay bounded. */
function statementName(text: string): string | undefined {
  let name = names.get(text);
  if (!name && names.size < NAMED_LIMIT) {
    name = `pgrst_${createHash("sha1").update(text).digest("hex").slice(0, 24)}`;
    names.set(text, name);
  }
  return name;
}

function setupQuery(s: TxSettings): pg.QueryConfig {
  const values: unknown[] = [s.searchPath];
  const calls = ["set_config('search_path', $1, true)"];
  for (const [name, value] of s.roleSettings) {
    values.push(name, value);
    calls.push(`set_config($${values.length - 1}, $${values.length}, true)`);
  }
  const base = values.length;
  values.push(s.role, s.claimsJson, s.method, s.path, s.headersJson);
  calls.push(
    `set_config('role', $${base + 1}, true)`,
    `set_config('request.jwt.claims', $${base + 2}, true)`,
    `set_config('request.method', $${base + 3}, true)`,
    `set_config('request.path', $${base + 4}, true)`,
    `set_config('request.headers', $${base + 5}, true)`,
    `set_config('request.cookies', '{}', true)`,
  );
  if (s.timezone !== undefined) {
    values.push(s.timezone);
    calls.push(`set_config('timezone', $${values.length}, true)`);
  }
  for (const [name, value] of s.callSettings ?? []) {
    values.push(name, value);
    calls.push(`set_config($${values.length - 1}, $${values.length}, true)`);
  }
  const text = `select ${calls.join(", ")}`;
  const name = statementName(text);
  return { text, values, ...(name && { name }) };
}

/** Read after the statement, in the same transaction: what it set for the answer (`guc.ts`). */
const RESPONSE_SETTINGS: pg.QueryConfig = {
  name: "pgrst_response_settings",
  text: "SELECT nullif(current_setting('response.headers', true), '') AS headers, nullif(current_setting('response.status', true), '') AS status",
};

/** The level is one of `IsolationLevel`'s words, never a request's text. */
function beginSql(isolation: IsolationLevel, readOnly: boolean): string {
  return `BEGIN ISOLATION LEVEL ${isolation}${readOnly ? " READ ONLY" : ""}`;
}

/** node-pg keeps its socket on an untyped `connection` field; corking it is safe and optional. */
function socketOf(client: pg.PoolClient): { cork(): void; uncork(): void } | undefined {
  const connection = (client as unknown as { connection?: { stream?: { cork?: unknown; uncork?: unknown } } })
    .connection;
  const stream = connection?.stream;
  if (stream && typeof stream.cork === "function" && typeof stream.uncork === "function") {
    return stream as { cork(): void; uncork(): void };
  }
  return undefined;
}

/** EXPLAIN output as Postgres wrote it (node-pg would parse FORMAT JSON's json column). */
const RAW_TEXT = { getTypeParser: () => (value: string) => value };

/** The top node's `Plan Rows` of an `EXPLAIN (FORMAT JSON)`. */
function planRows(result: pg.QueryResult): number | null {
  const text = (result.rows[0] as Record<string, string> | undefined)?.["QUERY PLAN"];
  const plan = text === undefined ? undefined : (JSON.parse(text) as { Plan?: { "Plan Rows"?: unknown } }[])[0];
  const rows = plan?.Plan?.["Plan Rows"];
  return typeof rows === "number" ? rows : null;
}

function toResult(statement: Statement, result: pg.QueryResult): ExecResult {
  if (statement.shape === "plan") {
    // One row per line (FORMAT TEXT) or one document (FORMAT JSON), each line ended as PostgREST does.
    const lines = (result.rows as Record<string, string>[]).map((row) => `${row["QUERY PLAN"]}\n`);
    return { total: null, page: 0, body: lines.join(""), location: null, inserted: null };
  }
  if (statement.shape === "command") {
    const rows = result.rowCount ?? 0;
    return { total: String(rows), page: rows, body: null, location: null, inserted: null };
  }
  const row = (result.rows[0] ?? {}) as Partial<ExecResult>;
  return {
    total: row.total ?? null,
    page: Number(row.page ?? 0),
    body: row.body ?? null,
    location: row.location ?? null,
    inserted: row.inserted === undefined || row.inserted === null ? null : Number(row.inserted),
  };
}

function firstRealError(outcomes: PromiseSettledResult<unknown>[]): unknown {
  const errors = outcomes
    .filter((o): o is PromiseRejectedResult => o.status === "rejected")
    .map((o) => o.reason as unknown);
  // After the first failure the others only say "current transaction is aborted" (25P02).
  return errors.find((e) => !(isPgError(e) && e.code === "25P02")) ?? errors[0];
}

export async function runInTransaction(
  pool: pg.Pool,
  settings: TxSettings,
  statement: Statement,
  readOnly: boolean,
  decide?: Decide,
): Promise<{ result: ExecResult; committed: boolean }> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    // One write for the whole pipeline instead of one per message (node-pg only corks per query).
    const stream = socketOf(client);
    stream?.cork();
    let commit: Promise<pg.QueryResult> | null = null;
    let begin, setup, preRequest, main, counted, answerSettings;
    try {
      begin = client.query(beginSql(settings.isolation ?? "READ COMMITTED", readOnly));
      setup = client.query(setupQuery(settings));
      if (settings.preRequest) preRequest = client.query(`SELECT ${settings.preRequest}()`);
      const name = statementName(statement.text);
      const raw = statement.shape === "plan" && { types: RAW_TEXT };
      main = client.query({ text: statement.text, values: statement.params, ...(name && { name }), ...raw });
      if (statement.countPlan) {
        const { text, params } = statement.countPlan;
        const countName = statementName(text);
        counted = client.query({ text, values: params, ...(countName && { name: countName }), types: RAW_TEXT });
      }
      if (statement.shape !== "plan") answerSettings = client.query(RESPONSE_SETTINGS);
      if (!decide) commit = client.query("COMMIT");
    } finally {
      stream?.uncork();
    }
    const outcomes = await Promise.allSettled([begin, setup, preRequest, main, counted, answerSettings]);
    const failure = firstRealError(outcomes);
    if (failure !== undefined) {
      await (commit ?? client.query("ROLLBACK")).catch(() => undefined);
      throw failure;
    }
    const result = toResult(statement, (outcomes[3] as PromiseFulfilledResult<pg.QueryResult>).value);
    if (counted) result.planned = planRows((outcomes[4] as PromiseFulfilledResult<pg.QueryResult>).value);
    if (answerSettings) {
      const [row] = (outcomes[5] as PromiseFulfilledResult<pg.QueryResult>).value.rows as ExecResult["response"][];
      if (row) result.response = row;
    }
    if (commit) {
      await commit;
      return { result, committed: true };
    }
    const keep = decide ? decide(result) : true;
    await client.query(keep ? "COMMIT" : "ROLLBACK");
    return { result, committed: keep };
  } catch (error) {
    if (!isPgError(error)) broken = error instanceof Error ? error : new Error(String(error));
    throw error;
  } finally {
    client.release(broken);
  }
}

/**
 * `pgrst.db_pre_request` as SQL: PostgREST splits it at the first dot into schema and function (no
 * dot: the function alone, found through the search path), each quoted.
 */
export function preRequestSql(setting: string | undefined): string | undefined {
  if (setting === undefined || setting.trim() === "") return undefined;
  const at = setting.indexOf(".");
  return at < 0 ? ident(setting) : qualified(setting.slice(0, at), setting.slice(at + 1));
}

export function toDbError(error: unknown, role: string, anonRole: string): DbError | undefined {
  if (!isPgError(error) || typeof error.code !== "string") return undefined;
  // Socket-level failures (ECONNREFUSED, EPIPE, …) carry errno names, not SQLSTATEs (no class starts with E).
  if (!/^[0-9A-Z]{5}$/.test(error.code) || error.code.startsWith("E")) {
    return new DbError(503, "PGRST001", "Database client error. Retrying the connection.", error.message);
  }
  const fields = {
    code: error.code,
    message: error.message,
    ...(error.detail && { detail: error.detail }),
    ...(error.hint && { hint: error.hint }),
  };
  return fromPgError(fields, role === anonRole);
}
