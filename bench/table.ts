/**
 * The one table `npm run bench` prints: figure, value, target, and how the value compares (the ratio
 * to its floor or target, and pass/MISS). Pure: results in, text out.
 */
import { hashCapacityPerS, ROUTES, TARGETS, type BenchResults } from "./results";
import { round } from "./lib/stats";

export interface Row {
  figure: string;
  value: string;
  target: string;
  verdict: string;
}

type Partial2 = Partial<BenchResults>;

function fmt(value: number | undefined, unit = ""): string {
  if (value === undefined) return "—";
  if (!Number.isFinite(value)) return "n/a";
  return `${round(value, value >= 100 ? 0 : 2)}${unit}`;
}

function check(value: number | undefined, bound: { max: number } | { min: number }): string {
  if (value === undefined || !Number.isFinite(value)) return "—";
  return ("max" in bound ? value <= bound.max : value >= bound.min) ? "pass" : "MISS";
}

export function tableRows(r: Partial2): Row[] {
  const capacity = r.bcrypt_hash_ms === undefined ? undefined : hashCapacityPerS(r.bcrypt_hash_ms);
  const minSignups = capacity === undefined ? undefined : capacity * TARGETS.signups_per_s_fraction.min;
  const ratio = (a: number | undefined, b: number | undefined) =>
    a === undefined || b === undefined ? undefined : a / b;
  const rows: Row[] = [
    { figure: "bcrypt cost-10 hash (floor)", value: fmt(r.bcrypt_hash_ms, " ms"), target: "—", verdict: "floor" },
    {
      figure: "signup p50 / p95",
      value: `${fmt(r.signup_p50_ms)} / ${fmt(r.signup_p95_ms, " ms")}`,
      target: `p50 ≤ ${TARGETS.signup_overhead_ratio.max}× hash`,
      verdict: `${fmt(r.signup_overhead_ratio, "×")} ${check(r.signup_overhead_ratio, TARGETS.signup_overhead_ratio)}`,
    },
    {
      figure: "signin p50 / p95",
      value: `${fmt(r.signin_p50_ms)} / ${fmt(r.signin_p95_ms, " ms")}`,
      target: "—",
      verdict: `${fmt(ratio(r.signin_p50_ms, r.bcrypt_hash_ms), "× hash")}`,
    },
    {
      figure: "signups/s (concurrent)",
      value: fmt(r.signups_per_s, "/s"),
      target: `≥ ${fmt(minSignups, "/s")} (80% of 2 cores)`,
      verdict: `${fmt(ratio(r.signups_per_s, capacity), "× capacity")} ${minSignups === undefined ? "" : check(r.signups_per_s, { min: minSignups })}`,
    },
    {
      figure: `storm (n=${r.storm?.n ?? "?"}) failed / orphans`,
      value: r.storm ? `${r.storm.failed} / ${r.storm.orphans}` : "—",
      target: "0 / 0",
      verdict: r.storm ? (r.storm.failed === 0 && r.storm.orphans === 0 ? "pass" : "MISS") : "—",
    },
    {
      figure: "storm p95",
      value: fmt(r.storm?.p95_ms, " ms"),
      target: "—",
      verdict: `${fmt(ratio(r.storm?.p95_ms, r.bcrypt_hash_ms), "× hash")}`,
    },
    {
      figure: "REST GET by key (c=10)",
      value: `${fmt(r.rest_get_rps, " req/s")}, p99 ${fmt(r.rest_get_p99_ms, " ms")}`,
      target: "—",
      verdict: "see overhead",
    },
    {
      figure: "REST PATCH by key (c=10)",
      value: `${fmt(r.rest_patch_rps, " req/s")}, p99 ${fmt(r.rest_patch_p99_ms, " ms")}`,
      target: "—",
      verdict: "see overhead",
    },
    {
      figure: "direct pg GET / PATCH (c=10)",
      value: `${fmt(r.direct_get_rps)} / ${fmt(r.direct_patch_rps, " req/s")}`,
      target: "—",
      verdict: "floor",
    },
    {
      figure: "REST GET overhead (direct/REST)",
      value: fmt(r.rest_get_overhead_ratio, "×"),
      target: `≤ ${TARGETS.rest_get_overhead_ratio.max}×`,
      verdict: check(r.rest_get_overhead_ratio, TARGETS.rest_get_overhead_ratio),
    },
    {
      figure: "REST PATCH overhead (direct/REST)",
      value: fmt(r.rest_patch_overhead_ratio, "×"),
      target: `≤ ${TARGETS.rest_patch_overhead_ratio.max}×`,
      verdict: check(r.rest_patch_overhead_ratio, TARGETS.rest_patch_overhead_ratio),
    },
    {
      figure: "wizard step save p95 (server action)",
      value: fmt(r.wizard_step_p95_ms, " ms"),
      target: `≤ ${TARGETS.wizard_step_p95_ms.max} ms`,
      verdict: check(r.wizard_step_p95_ms, TARGETS.wizard_step_p95_ms),
    },
    {
      figure: "wizard save: requests Next → stack",
      value: fmt(r.wizard_requests_per_save, " per save"),
      target: `≤ ${TARGETS.wizard_requests_per_save.max}`,
      verdict: check(r.wizard_requests_per_save, TARGETS.wizard_requests_per_save),
    },
    {
      figure: "wizard save: Next server CPU",
      value: fmt(r.wizard_next_cpu_ms_per_save, " ms per save"),
      target: `≤ ${TARGETS.wizard_next_cpu_ms_per_save.max} ms`,
      verdict: check(r.wizard_next_cpu_ms_per_save, TARGETS.wizard_next_cpu_ms_per_save),
    },
    {
      figure: "signed-in render: Auth requests",
      value: fmt(r.auth_requests_per_render, " per render"),
      target: "0",
      verdict: check(r.auth_requests_per_render, TARGETS.auth_requests_per_render),
    },
    {
      figure: "profiles:import (10,000 rows)",
      value: fmt(r.import_rows_per_s, " rows/s"),
      target: "—",
      verdict: `${fmt(ratio(r.import_rows_per_s, capacity), "× hash capacity")}`,
    },
  ];
  for (const route of ROUTES) {
    const kb = r.first_load_js_kb?.[route];
    rows.push({
      figure: `first-load JS ${route}`,
      value: fmt(kb, " kB gz"),
      target: `≤ ${TARGETS.first_load_js_kb.max} kB`,
      verdict: check(kb, TARGETS.first_load_js_kb),
    });
  }
  return rows;
}

export function renderTable(rows: Row[]): string {
  const header: Row = { figure: "figure", value: "value", target: "target", verdict: "ratio / result" };
  const all = [header, ...rows];
  const width = (key: keyof Row) => Math.max(...all.map((row) => row[key].length));
  const line = (row: Row) =>
    `| ${row.figure.padEnd(width("figure"))} | ${row.value.padEnd(width("value"))} | ${row.target.padEnd(width("target"))} | ${row.verdict.padEnd(width("verdict"))} |`;
  const rule = `|${"-".repeat(width("figure") + 2)}|${"-".repeat(width("value") + 2)}|${"-".repeat(width("target") + 2)}|${"-".repeat(width("verdict") + 2)}|`;
  return [line(header), rule, ...rows.map(line)].join("\n");
}
