/**
 * Reads jest's `--json` report and counts what matters for fidelity: tests run, passed, failed, and
 * which failures are features this stack leaves out on purpose (each named with its reason).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { OutOfScope } from "./suites";

interface JestAssertion {
  ancestorTitles: string[];
  title: string;
  status: "passed" | "failed" | "pending" | "todo" | "skipped" | "disabled";
  failureMessages: string[];
}

interface JestReport {
  testResults: { name: string; assertionResults: JestAssertion[]; message: string }[];
}

export interface Failure {
  name: string;
  message: string;
  outOfScope?: string;
}

export interface SuiteSummary {
  total: number;
  passed: number;
  notRun: number;
  failures: Failure[];
  /** A test file that failed to load (its tests are not in the counts). */
  brokenFiles: string[];
}

const ANSI = /\u001b\[[0-9;]*m/g;

function firstLine(message: string): string {
  const text = message.replace(ANSI, "").replace(/\s+/g, " ").trim();
  return text.length > 200 ? `${text.slice(0, 199)}…` : text;
}

export function summarize(reportPath: string, outOfScope: OutOfScope[]): SuiteSummary {
  const report = JSON.parse(readFileSync(reportPath, "utf8")) as JestReport;
  const summary: SuiteSummary = { total: 0, passed: 0, notRun: 0, failures: [], brokenFiles: [] };
  for (const file of report.testResults) {
    const fileName = path.basename(file.name);
    if (file.assertionResults.length === 0 && file.message)
      summary.brokenFiles.push(`${fileName}: ${firstLine(file.message)}`);
    for (const test of file.assertionResults) {
      summary.total += 1;
      if (test.status === "passed") summary.passed += 1;
      else if (test.status !== "failed") summary.notRun += 1;
      else {
        const name = [fileName, ...test.ancestorTitles, test.title].join(" › ");
        const scope = outOfScope.find((entry) => entry.pattern.test(name));
        summary.failures.push({ name, message: firstLine(test.failureMessages[0] ?? ""), outOfScope: scope?.reason });
      }
    }
  }
  return summary;
}

export function printSummary(suite: string, summary: SuiteSummary, out: (line: string) => void): void {
  const outside = summary.failures.filter((failure) => failure.outOfScope);
  const inside = summary.failures.filter((failure) => !failure.outOfScope);
  out(
    `${suite}: ${summary.total} tests, ${summary.passed} passed, ${inside.length} failed, ` +
      `${outside.length} out of scope` +
      (summary.notRun ? `, ${summary.notRun} not run (skipped/todo upstream)` : ""),
  );
  for (const broken of summary.brokenFiles) out(`  BROKEN FILE  ${broken}`);
  for (const failure of inside) out(`  FAIL  ${failure.name}\n        ${failure.message}`);
  for (const failure of outside) out(`  OUT OF SCOPE (${failure.outOfScope})  ${failure.name}`);
}
