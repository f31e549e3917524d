/**
 * Smoke test of the benchmark harness: runs `bench/run.ts --quick` against the test stack (from the
 * environment) with every measurement, and checks the JSON it writes has every key with a value of the
 * right type. Never a timing: the figures of a --quick run mean nothing. Two counts are behaviour and
 * asserted: a storm leaves no user without a profile, and a signed-in render asks Auth nothing.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { REPO_ROOT } from "./lib/stack";
import { MACHINE_KEYS, RESULT_KEYS, ROUTES, STORM_KEYS } from "./results";

const dir = mkdtempSync(path.join(os.tmpdir(), "bench-smoke-"));
const out = path.join(dir, "latest.json");

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function runHarness(): { status: number | null; output: string } {
  const args = ["tsx", "bench/run.ts", "--quick", "--stack", "env", "--out", out];
  // Own port and dist dir, so a real `npm run bench` (3200, .next-bench) can run at the same time.
  // Under `npm test` the app is already built (TEST_APP_DIST, against this same test stack's URL).
  const prebuilt = process.env.TEST_APP_DIST;
  args.push("--next-port", "3201", "--dist-dir", prebuilt ?? ".next-bench-smoke", ...(prebuilt ? ["--no-build"] : []));
  const result = spawnSync("npx", args, { cwd: REPO_ROOT, encoding: "utf8", timeout: 9 * 60_000 });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

describe("npm run bench -- --quick", () => {
  it("measures everything and writes every key of latest.json", { timeout: 10 * 60_000 }, () => {
    const { status, output } = runHarness();
    expect(status, output).toBe(0);
    expect(output).toContain("| figure");

    const results = JSON.parse(readFileSync(out, "utf8")) as Record<string, unknown>;
    expect(Object.keys(results).sort()).toEqual([...RESULT_KEYS].sort());
    for (const key of RESULT_KEYS) {
      if (["storm", "machine", "first_load_js_kb", "load_1m", "at"].includes(key)) continue;
      expect(typeof results[key], key).toBe("number");
    }
    const storm = results.storm as Record<string, unknown>;
    expect(Object.keys(storm).sort()).toEqual([...STORM_KEYS].sort());
    // The one assertion about behaviour rather than shape: a storm never leaves a user without a profile.
    expect(storm.orphans).toBe(0);
    expect(storm.failed).toBe(0);
    // Access tokens carry the kid of the published ES256 key: the server verifies them without Auth.
    expect(results.auth_requests_per_render).toBe(0);
    const machine = results.machine as Record<string, unknown>;
    expect(Object.keys(machine).sort()).toEqual([...MACHINE_KEYS].sort());
    expect(machine.cores).toBeGreaterThan(0);
    const firstLoad = results.first_load_js_kb as Record<string, unknown>;
    expect(Object.keys(firstLoad).sort()).toEqual([...ROUTES].sort());
    for (const route of ROUTES) expect(firstLoad[route], route).toBeGreaterThan(0);
    const loads = results.load_1m as Record<string, unknown>;
    for (const name of ["bcrypt", "auth", "wizard", "first-load"]) expect(typeof loads[name], name).toBe("number");
    expect(Number.isNaN(Date.parse(String(results.at)))).toBe(false);
  });
});
