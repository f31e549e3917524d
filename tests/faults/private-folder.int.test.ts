/**
 * Root with the stack's files in a private folder: Postgres runs as the `postgres` user, which cannot
 * enter a 0700 folder (a `mktemp -d`, `/root`). `supabase:start` then says, in one line, which folder
 * and what to do, instead of failing later with `spawn …/initdb EACCES`; nothing is left running.
 */
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { firstPrivateFolder } from "@/supabase/local/reachable";
import { cliRunner, freePort } from "./support";

const isRoot = process.getuid?.() === 0;
const privateFolder = mkdtempSync(path.join(tmpdir(), "private-"));
chmodSync(privateFolder, 0o700);

afterAll(() => rmSync(privateFolder, { recursive: true, force: true }));

describe("a private folder above the stack's files", () => {
  it("is found from / down", () => {
    const inner = path.join(privateFolder, "checkout", "supabase");
    mkdirSync(inner, { recursive: true });
    expect(firstPrivateFolder(path.join(inner, "pgdata"))).toBe(privateFolder);
    expect(firstPrivateFolder(path.join(tmpdir(), "anything"))).toBeNull();
  });

  // Only root hands Postgres to another OS user; as anyone else the folder is their own and works.
  it.skipIf(!isRoot)(
    "makes supabase:start explain itself in one line, and nothing starts",
    async () => {
      const stateDir = path.join(privateFolder, "state");
      const env: NodeJS.ProcessEnv = {
        ...process.env,
        SUPABASE_API_PORT: String(await freePort()),
        SUPABASE_DB_PORT: String(await freePort()),
        SUPABASE_INBUCKET_PORT: String(await freePort()),
        SUPABASE_LOCAL_DIR: stateDir,
      };
      delete env.SUPABASE_CONFIG_OVERLAY;
      const result = await cliRunner(env)("start");
      expect(result.code).toBe(1);
      const lines = result.stderr.trim().split("\n");
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(`cannot enter ${privateFolder} (mode 0700)`);
      expect(lines[0]).toContain(`chmod o+x ${privateFolder}`);
      expect(existsSync(path.join(stateDir, "stack.pid"))).toBe(false);
      expect(existsSync(path.join(stateDir, "pgdata"))).toBe(false);
    },
    60_000,
  );
});
