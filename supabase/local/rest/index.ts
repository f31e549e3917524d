/**
 * The PostgREST-compatible REST service of the local stack. Wires the
 * pipeline stages (parse → plan → sql → execute → respond) to a pg pool that logs in as
 * `authenticator`, and keeps the schema cache fresh (`NOTIFY pgrst, 'reload schema'`, reloadSchema()).
 */
import pg from "pg";
import type { Service } from "../contracts";
import type { JwtKeys } from "../jwt";
import { Authenticator } from "./auth";
import { ApiError } from "./errors";
import { handleRequest, searchPathFor } from "./handler";
import { Preparer } from "./prepare";
import { loadSchemaCache } from "./schema/cache";
import type { SchemaCache } from "./schema/types";
import { SchemaListener } from "./listener";

export interface RestDeps {
  /** Logs in as `authenticator`. */
  connectionString: string;
  /** Verifies bearers: signing keys by `kid`, the legacy HS256 secret otherwise. */
  jwtKeys: JwtKeys;
  schemas: string[];
  extraSearchPath: string[];
  maxRows: number;
}

export type RestService = Service & { reloadSchema(): Promise<void> };

const ANON_ROLE = "anon";
/** Enough connections for 2 cores at concurrency 10; PostgREST's default pool is 10 as well. */
const POOL_SIZE = 10;

export async function createRestService(deps: RestDeps): Promise<RestService> {
  // Pipelining lets BEGIN + settings + statement + COMMIT share one round trip (see execute.ts).
  const pool = new pg.Pool({
    connectionString: deps.connectionString,
    max: POOL_SIZE,
    idleTimeoutMillis: 0, // keep connections warm; a burst should not wait on new logins
    pipeline: true,
    application_name: "postgrest-local",
  } as pg.PoolConfig);
  pool.on("error", (error) => console.error("[rest] idle connection error:", error.message));
  const preparer = new Preparer(deps.schemas, deps.maxRows);
  let cache: Promise<SchemaCache> = loadSchemaCache(pool, deps.schemas);
  cache.catch((error: unknown) => console.error("[rest] schema cache load failed:", error));

  async function reloadSchema(): Promise<void> {
    const next = loadSchemaCache(pool, deps.schemas);
    await next;
    cache = next;
    preparer.clear();
  }

  const listener = new SchemaListener(deps.connectionString, () => {
    reloadSchema().catch((error: unknown) => console.error("[rest] schema reload failed:", error));
  });
  listener.start();

  const handlerDeps = {
    pool,
    auth: new Authenticator(deps.jwtKeys, ANON_ROLE),
    preparer,
    anonRole: ANON_ROLE,
    searchPath: (schema: string) => searchPathFor(schema, deps.extraSearchPath),
    schemaCache: async () => {
      try {
        return await cache;
      } catch {
        // Retried by postgrest-js for GET/HEAD (503 is retryable), like PostgREST while its cache loads.
        cache = loadSchemaCache(pool, deps.schemas);
        cache.catch(() => undefined);
        throw new ApiError(503, "PGRST002", "Could not query the database for the schema cache. Retrying.");
      }
    },
  };

  return {
    handle: (req, res, ctx) => handleRequest(handlerDeps, req, res, ctx),
    reloadSchema,
    async close() {
      await listener.stop();
      await pool.end();
    },
  };
}
