/**
 * Database access for Auth, shaped like GoTrue's: every unit of work is one transaction on a
 * connection logged in as supabase_auth_admin with `search_path = auth` (GoTrue's connection
 * default), so triggers on auth tables run exactly as they would on hosted. timestamptz values come
 * back as RFC 3339 strings with microseconds (time.ts).
 */
import pg from "pg";
import { pgTimestampToRfc3339 } from "./time.ts";

const TIMESTAMPTZ_OID = 1184;

const types = {
  getTypeParser(oid: number, format?: "text" | "binary") {
    if (oid === TIMESTAMPTZ_OID) return (value: string) => pgTimestampToRfc3339(value);
    return pg.types.getTypeParser(oid, format ?? "text");
  },
};

export interface Db {
  query<R extends pg.QueryResultRow = pg.QueryResultRow>(text: string, values?: unknown[]): Promise<R[]>;
}

function wrap(client: pg.PoolClient): Db {
  return {
    async query<R extends pg.QueryResultRow>(text: string, values: unknown[] = []) {
      const result = await client.query<R>({ text, values, types } as pg.QueryConfig);
      return result.rows;
    },
  };
}

/**
 * Thrown by work that must keep its writes and still fail (GoTrue's storage.NewCommitWithError, e.g.
 * revoking a refresh-token family and then answering `refresh_token_already_used`).
 */
export class CommitThenFail extends Error {
  constructor(readonly error: unknown) {
    super("commit then fail");
  }
}

/** Runs `work` in one transaction; any throw rolls everything back and is re-thrown. */
export async function withTx<T>(pool: pg.Pool, work: (db: Db) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken = false;
  try {
    await client.query("begin");
    await client.query("set local search_path = auth");
    const result = await work(wrap(client));
    await client.query("commit");
    return result;
  } catch (error) {
    if (error instanceof CommitThenFail) {
      await client.query("commit");
      throw error.error;
    }
    try {
      await client.query("rollback");
    } catch {
      broken = true;
    }
    throw error;
  } finally {
    client.release(broken);
  }
}
