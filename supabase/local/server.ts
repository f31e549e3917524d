/**
 * Runs the whole local stack in this process: Postgres, bootstrap + migrations, the mail
 * inbox, and one HTTP server on the API port that routes to the Auth and REST services.
 */
import { mkdirSync } from "node:fs";
import { createServer, type Server } from "node:http";
import pg from "pg";
import type { LocalConfig } from "./config";
import type { Service } from "./contracts";
import { bootstrapPlatform } from "./db/bootstrap";
import { applyMigrations, applySeed } from "./db/migrations";
import { accessLogFromEnv } from "./access-log";
import { createGateway } from "./gateway";
import { LOCAL_JWT_SECRET } from "./keys";
import { loadJwtKeys } from "./signing-keys";
import { createMailServer } from "./mail/server";
import { createMailStore } from "./mail/store";
import { startSupervisedPostgres, supervisionFromEnv } from "./db-supervisor";
import { DB_PASSWORD, dbUrl, SUPERUSER } from "./postgres";

export interface RunningStack {
  apiUrl: string;
  /** Ends the supervisor's pause before restarting a crashed Postgres. */
  restartDatabase(): void;
  close(): Promise<void>;
}

export const apiUrlOf = (config: LocalConfig) => `http://127.0.0.1:${config.api.port}`;

function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

/**
 * Connects as the initdb superuser. Clusters made before postgres was demoted used postgres itself as
 * the superuser (supabase_admin could not log in): those still start; `supabase:reset` modernises them.
 */
async function superuserClient(config: LocalConfig, log: (line: string) => void): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: dbUrl(config, SUPERUSER, DB_PASSWORD) });
  try {
    await client.connect();
    return client;
  } catch (error) {
    const legacy = new pg.Client({ connectionString: dbUrl(config) });
    await legacy.connect();
    log(`[stack] ${SUPERUSER} cannot log in (${(error as Error).message}); old cluster layout, run supabase:reset`);
    return legacy;
  }
}

/** Bootstrap (fresh cluster) as the superuser; migrations and seed as postgres, like `supabase db push`. */
async function prepareDatabase(config: LocalConfig, log: (line: string) => void): Promise<void> {
  const admin = await superuserClient(config, log);
  let fresh = false;
  try {
    fresh = await bootstrapPlatform(admin);
  } finally {
    await admin.end();
  }
  if (fresh) log("Initialised the platform schema (roles, auth, grants).");
  const client = new pg.Client({ connectionString: dbUrl(config) });
  await client.connect();
  try {
    await applyMigrations(client, config.rootDir, log);
    if (fresh) await applySeed(client, config.rootDir, log);
    await client.query("notify pgrst, 'reload schema'");
  } finally {
    await client.end();
  }
}

export async function runStack(config: LocalConfig, log: (line: string) => void): Promise<RunningStack> {
  mkdirSync(config.stateDir, { recursive: true });
  // Load the services' module graphs while Postgres starts in its own process: on a busy machine
  // module loading is the largest part of a warm start.
  const services = Promise.all([import("./auth/index"), import("./rest/index")]);
  services.catch(() => undefined);
  const postgres = await startSupervisedPostgres(config, log, supervisionFromEnv());
  const cleanups: (() => Promise<void>)[] = [() => postgres.stop()];
  const closeAll = async () => {
    for (const cleanup of cleanups.reverse())
      await cleanup().catch((error: unknown) => log(`[stack] close: ${String(error)}`));
  };
  try {
    const jwtKeys = await loadJwtKeys(config.auth.signingKeysPath, LOCAL_JWT_SECRET);
    await prepareDatabase(config, log);
    const apiUrl = apiUrlOf(config);

    const store = createMailStore(config.stateDir);
    const mailServer = createMailServer(store, log);
    await listen(mailServer, config.inbucket.port);
    cleanups.push(() => closeServer(mailServer));

    const [{ createAuthService }, { createRestService }] = await services;
    // Idle connections stay open: a signup burst after a quiet spell must not pay for (or time out on)
    // new connections exactly when the machine is busiest.
    const authPool = new pg.Pool({
      connectionString: dbUrl(config, "supabase_auth_admin", "postgres"),
      max: 10,
      idleTimeoutMillis: 0,
    });
    authPool.on("error", (error) => log(`[auth pool] ${error.message}`));
    cleanups.push(() => authPool.end());
    const auth = createAuthService({ pool: authPool, config, mailer: store, jwtKeys, apiUrl });
    cleanups.push(() => closeService(auth));
    const rest = await createRestService({
      connectionString: dbUrl(config, "authenticator", "postgres"),
      jwtKeys,
      schemas: config.api.schemas,
      extraSearchPath: config.api.extraSearchPath,
      maxRows: config.api.maxRows,
    });
    cleanups.push(() => closeService(rest));

    const api = createServer(createGateway({ auth, rest, log, jwtKeys, accessLog: accessLogFromEnv() }));
    api.keepAliveTimeout = 65_000;
    await listen(api, config.api.port);
    cleanups.push(() => closeServer(api));
    return { apiUrl, restartDatabase: () => postgres.restartNow(), close: closeAll };
  } catch (error) {
    await closeAll();
    throw error;
  }
}

async function closeService(service: Service): Promise<void> {
  if (service.close) await service.close();
}
