/**
 * The stack heals itself: a private stack (free ports, temporary state dir) has its postmaster killed
 * with `kill -9`. With the default supervision Postgres comes back without anyone doing anything;
 * with the supervisor's first pause raised (SUPABASE_DB_RESTART_DELAY_MS) the outage lasts long enough
 * to look at: `status` names the database as down and exits 1, REST answers 503 PGRST001, and
 * `supabase:start` repairs the stack instead of saying "already running". A row written before each
 * crash is still there after it. Independent of SUPABASE_URL: it tests this repository's CLI.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LOCAL_SERVICE_ROLE_KEY } from "@/supabase/local/keys";
import { cliRunner, freePort, withDb, type CliEnv } from "./support";

const LONG = 180_000;
const USER_ID = "0c6f0a1e-7d3b-4e55-9a0f-2c2b3a4d5e70";
let stateDir = "";
let env: CliEnv = { ...process.env };
const cli = (...args: string[]) => cliRunner(env)(...args);

const postmaster = () => Number(readFileSync(path.join(stateDir, "pgdata", "postmaster.pid"), "utf8").split("\n")[0]);
const log = () => readFileSync(path.join(stateDir, "stack.log"), "utf8");
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function databaseAnswers(): Promise<boolean> {
  try {
    return await withDb(env, async (client) => (await client.query("select 1")).rowCount === 1);
  } catch {
    return false;
  }
}

async function until(condition: () => Promise<boolean>, what: string, limitMs = 90_000): Promise<void> {
  const deadline = Date.now() + limitMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`${what} did not happen within ${limitMs / 1000}s\n${log()}`);
    await sleep(250);
  }
}

const userCount = () =>
  withDb(env, async (client) => {
    const { rows } = await client.query<{ n: number }>("select count(*)::int as n from auth.users where id = $1", [
      USER_ID,
    ]);
    return rows[0]?.n ?? 0;
  });

beforeAll(async () => {
  stateDir = mkdtempSync(path.join(tmpdir(), "stack-supervision-"));
  env = {
    ...process.env,
    SUPABASE_API_PORT: String(await freePort()),
    SUPABASE_DB_PORT: String(await freePort()),
    SUPABASE_INBUCKET_PORT: String(await freePort()),
    SUPABASE_LOCAL_DIR: stateDir,
  };
  delete env.SUPABASE_CONFIG_OVERLAY;
  delete env.SUPABASE_DB_RESTART_DELAY_MS;
  const started = await cli("start");
  expect(started.code, started.stderr).toBe(0);
  await withDb(env, (client) =>
    client.query(
      `insert into auth.users (instance_id, id, aud, role, email, raw_app_meta_data, raw_user_meta_data, created_at, updated_at)
       values ('00000000-0000-0000-0000-000000000000', $1, 'authenticated', 'authenticated', 'supervised@example.com', '{}', '{}', now(), now())`,
      [USER_ID],
    ),
  );
}, LONG);

afterAll(async () => {
  await cli("stop");
  rmSync(stateDir, { recursive: true, force: true });
}, LONG);

describe("Postgres supervision", () => {
  it(
    "restarts a postmaster killed with kill -9 without manual action, and nothing is lost",
    async () => {
      const before = postmaster();
      process.kill(before, "SIGKILL");
      await until(async () => (await databaseAnswers()) && postmaster() !== before, "the restart");
      expect(await userCount()).toBe(1);
      expect(log()).toContain("[supervisor] Postgres exited unexpectedly");
      expect(log()).toContain("[supervisor] Postgres is running again");
      const status = await cli("status");
      expect(status.code, status.stderr).toBe(0);
      expect(status.stdout).toMatch(/database: healthy/);
    },
    LONG,
  );

  it(
    "while the database is down, status says so and REST answers 503; start repairs the stack",
    async () => {
      expect((await cli("stop")).code).toBe(0);
      env = { ...env, SUPABASE_DB_RESTART_DELAY_MS: "600000" };
      expect((await cli("start")).code).toBe(0);
      process.kill(postmaster(), "SIGKILL");
      await until(async () => !(await databaseAnswers()), "the crash");

      const status = await cli("status");
      expect(status.code).toBe(1);
      expect(status.stdout).toMatch(/database: down/);
      expect(status.stdout).toMatch(/auth: healthy/);
      expect(status.stderr).toContain("supabase:start");

      const rest = await fetch(`http://127.0.0.1:${env.SUPABASE_API_PORT}/rest/v1/user_profiles?select=user_id`, {
        headers: { apikey: LOCAL_SERVICE_ROLE_KEY, Authorization: `Bearer ${LOCAL_SERVICE_ROLE_KEY}` },
      });
      expect(rest.status).toBe(503);
      expect(((await rest.json()) as { code: string }).code).toBe("PGRST001");

      const repaired = await cli("start");
      expect(repaired.code, repaired.stderr).toBe(0);
      expect(repaired.stdout).toContain("repaired");
      expect(repaired.stdout).not.toContain("already running");
      expect(await databaseAnswers()).toBe(true);
      expect(await userCount()).toBe(1);
      expect((await cli("status")).code).toBe(0);
    },
    LONG,
  );
});
