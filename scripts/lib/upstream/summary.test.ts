import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { printSummary, summarize } from "./summary";
import { SUITES } from "./suites";

function report(results: unknown): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "upstream-")), "report.json");
  writeFileSync(file, JSON.stringify({ testResults: results }));
  return file;
}

const authJs = SUITES.find((suite) => suite.name === "auth-js")!;

describe("summarize", () => {
  it("counts passes and failures, and names only the out-of-scope ones as such", () => {
    const file = report([
      {
        name: "/x/test/GoTrueClient.test.ts",
        message: "",
        assertionResults: [
          { ancestorTitles: ["MFA"], title: "enroll works", status: "passed", failureMessages: [] },
          {
            ancestorTitles: ["WebAuthn MFA"],
            title: "should enroll WebAuthn factor",
            status: "failed",
            failureMessages: ["\u001b[31mMFA enroll is disabled\u001b[39m\n    at x"],
          },
          { ancestorTitles: ["MFA"], title: "enroll without session", status: "failed", failureMessages: ["boom"] },
          { ancestorTitles: [], title: "later", status: "todo", failureMessages: [] },
        ],
      },
    ]);
    const summary = summarize(file, authJs.outOfScope);
    expect(summary).toMatchObject({ total: 4, passed: 1, notRun: 1, brokenFiles: [] });
    expect(summary.failures).toEqual([
      {
        name: "GoTrueClient.test.ts › WebAuthn MFA › should enroll WebAuthn factor",
        message: "MFA enroll is disabled at x",
        outOfScope: "WebAuthn factors (a browser authenticator)",
      },
      { name: "GoTrueClient.test.ts › MFA › enroll without session", message: "boom", outOfScope: undefined },
    ]);
    const lines: string[] = [];
    printSummary("auth-js", summary, (line) => lines.push(line));
    expect(lines[0]).toBe("auth-js: 4 tests, 1 passed, 1 failed, 1 out of scope, 1 not run (skipped/todo upstream)");
  });

  it("reports a test file that failed to load instead of counting it as passing", () => {
    const file = report([
      { name: "/x/test/rpc.test.ts", message: "Cannot find module './lib/clients'", assertionResults: [] },
    ]);
    expect(summarize(file, []).brokenFiles).toEqual(["rpc.test.ts: Cannot find module './lib/clients'"]);
  });
});
