/**
 * The CLI contract and durability : a second, private stack on free
 * ports and a temporary state dir is started cold, started again (idempotent), described by
 * `status -o env`, stopped and started, killed with `kill -9` (stack process and Postgres) and started
 * again — data survives every time — then reset (data gone, migrations re-applied) and stopped with
 * nothing left running. Independent of SUPABASE_URL: it tests this repository's CLI.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const ROOT = process.cwd();
const LONG = 120_000;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

let stateDir = "";
let env: NodeJS.ProcessEnv = { ...process.env };

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ["--import", "tsx", "supabase/local/cli.ts", ...args], {
      cwd: ROOT,
      env,
      timeout: LONG,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return {
      code: typeof failed.code === "number" ? failed.code : 1,
      stdout: failed.stdout ?? "",
      stderr: failed.stderr ?? "",
    };
  }
}

async function withDb<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({
    connectionString: `postgresql://postgres:postgres@127.0.0.1:${env.SUPABASE_DB_PORT}/postgres`,
  });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const USER_ID = "5a0c6c1e-2b7a-4c55-9d0f-1c2b3a4d5e6f";
const userCount = () =>
  withDb(async (client) => {
    const { rows } = await client.query<{ n: number }>("select count(*)::int as n from auth.users where id = $1", [
      USER_ID,
    ]);
    return rows[0]?.n ?? 0;
  });

const pidIn = (file: string) => Number(readFileSync(path.join(stateDir, file), "utf8").split("\n")[0]);
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return !readFileSync(`/proc/${pid}/stat`, "utf8").includes(") Z ");
  } catch {
    return false;
  }
};

beforeAll(async () => {
  stateDir = mkdtempSync(path.join(tmpdir(), "stack-lifecycle-"));
  const [api, db, inbox] = [await freePort(), await freePort(), await freePort()];
  env = {
    ...process.env,
    SUPABASE_API_PORT: String(api),
    SUPABASE_DB_PORT: String(db),
    SUPABASE_INBUCKET_PORT: String(inbox),
    SUPABASE_LOCAL_DIR: stateDir,
  };
  delete env.SUPABASE_CONFIG_OVERLAY;
});

afterAll(async () => {
  await cli("stop");
  rmSync(stateDir, { recursive: true, force: true });
}, LONG);

describe("local stack lifecycle", () => {
  it(
    "starts cold, then start is idempotent",
    async () => {
      const first = await cli("start");
      expect(first.code, first.stderr).toBe(0);
      expect(first.stdout).toContain("Started supabase local development setup");
      const again = await cli("start");
      expect(again.code).toBe(0);
      expect(again.stdout).toContain("already running");
    },
    LONG,
  );

  it(
    "status -o env prints exactly the CLI's lines for this stack",
    async () => {
      const { code, stdout } = await cli("status", "-o", "env");
      expect(code).toBe(0);
      const lines = stdout.trim().split("\n");
      expect(lines.map((line) => line.split("=")[0])).toEqual([
        "API_URL",
        "DB_URL",
        "ANON_KEY",
        "SERVICE_ROLE_KEY",
        "PUBLISHABLE_KEY",
        "SECRET_KEY",
        "JWT_SECRET",
        "INBUCKET_URL",
      ]);
      expect(lines[0]).toBe(`API_URL="http://127.0.0.1:${env.SUPABASE_API_PORT}"`);
      const health = await fetch(`http://127.0.0.1:${env.SUPABASE_API_PORT}/auth/v1/health`, {
        headers: { apikey: JSON.parse(lines[2]?.slice("ANON_KEY=".length) ?? '""') as string },
      });
      expect(health.status).toBe(200);
    },
    LONG,
  );

  it(
    "a user survives stop/start",
    async () => {
      await withDb((client) =>
        client.query(
          `insert into auth.users (instance_id, id, aud, role, email, raw_app_meta_data, raw_user_meta_data, created_at, updated_at)
         values ('00000000-0000-0000-0000-000000000000', $1, 'authenticated', 'authenticated', 'lifecycle@example.com', '{}', '{}', now(), now())`,
          [USER_ID],
        ),
      );
      expect((await cli("stop")).code).toBe(0);
      expect((await cli("status")).code).toBe(1);
      expect((await cli("start")).code).toBe(0);
      expect(await userCount()).toBe(1);
    },
    LONG,
  );

  it(
    "a user survives kill -9 of the stack process and Postgres",
    async () => {
      const stackPid = pidIn("stack.pid");
      const postmaster = pidIn("pgdata/postmaster.pid");
      process.kill(stackPid, "SIGKILL");
      process.kill(postmaster, "SIGKILL");
      const restarted = await cli("start");
      expect(restarted.code, restarted.stderr).toBe(0);
      expect(await userCount()).toBe(1);
    },
    LONG,
  );

  it(
    "a stack process killed alone leaves no orphan Postgres behind the next start",
    async () => {
      process.kill(pidIn("stack.pid"), "SIGKILL");
      expect((await cli("start")).code).toBe(0);
      expect(await userCount()).toBe(1);
    },
    LONG,
  );

  it(
    "reset wipes the data and re-applies the migrations",
    async () => {
      const reset = await cli("reset");
      expect(reset.code, reset.stderr).toBe(0);
      expect(await userCount()).toBe(0);
      const recorded = await withDb(async (client) => {
        const { rows } = await client.query<{ n: number }>(
          "select count(*)::int as n from supabase_migrations.schema_migrations",
        );
        return rows[0]?.n ?? 0;
      });
      expect(recorded).toBeGreaterThan(0);
    },
    LONG,
  );

  it(
    "stop leaves nothing running",
    async () => {
      const stackPid = pidIn("stack.pid");
      const postmaster = pidIn("pgdata/postmaster.pid");
      expect((await cli("stop")).code).toBe(0);
      expect(alive(stackPid)).toBe(false);
      expect(alive(postmaster)).toBe(false);
      expect((await cli("status")).code).toBe(1);
    },
    LONG,
  );
});
