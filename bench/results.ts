/**
 * The shape of `bench/results/latest.json` and the product's targets for each figure. The smoke test checks a run against RESULT_KEYS, so a key added here without
 * a measurement, or a measurement that stops filling its key, fails `npm test`.
 */

export const ROUTES = ["/", "/signup", "/login", "/onboarding/experience", "/profile"] as const;
export type Route = (typeof ROUTES)[number];

export interface Storm {
  n: number;
  failed: number;
  orphans: number;
  p95_ms: number;
}

export interface Machine {
  cores: number;
  cpu_model: string;
  node: string;
}

export interface BenchResults {
  bcrypt_hash_ms: number;
  signup_p50_ms: number;
  signup_p95_ms: number;
  signin_p50_ms: number;
  signin_p95_ms: number;
  signup_overhead_ratio: number;
  signups_per_s: number;
  storm: Storm;
  rest_get_rps: number;
  rest_get_p99_ms: number;
  rest_patch_rps: number;
  rest_patch_p99_ms: number;
  direct_get_rps: number;
  direct_patch_rps: number;
  rest_get_overhead_ratio: number;
  rest_patch_overhead_ratio: number;
  wizard_step_p95_ms: number;
  wizard_requests_per_save: number;
  wizard_next_cpu_ms_per_save: number;
  auth_requests_per_render: number;
  import_rows_per_s: number;
  first_load_js_kb: Record<Route, number>;
  /** 1-minute load average when each measurement finished: the machine is shared, figures move with it. */
  load_1m: Partial<Record<string, number>>;
  machine: Machine;
  at: string;
}

/** Every top-level key, in the order the table shows them. */
export const RESULT_KEYS = [
  "bcrypt_hash_ms",
  "signup_p50_ms",
  "signup_p95_ms",
  "signin_p50_ms",
  "signin_p95_ms",
  "signup_overhead_ratio",
  "signups_per_s",
  "storm",
  "rest_get_rps",
  "rest_get_p99_ms",
  "rest_patch_rps",
  "rest_patch_p99_ms",
  "direct_get_rps",
  "direct_patch_rps",
  "rest_get_overhead_ratio",
  "rest_patch_overhead_ratio",
  "wizard_step_p95_ms",
  "wizard_requests_per_save",
  "wizard_next_cpu_ms_per_save",
  "auth_requests_per_render",
  "import_rows_per_s",
  "first_load_js_kb",
  "load_1m",
  "machine",
  "at",
] as const satisfies readonly (keyof BenchResults)[];

export const STORM_KEYS = ["n", "failed", "orphans", "p95_ms"] as const satisfies readonly (keyof Storm)[];
export const MACHINE_KEYS = ["cores", "cpu_model", "node"] as const satisfies readonly (keyof Machine)[];

/**
 * The product's targets. "max" = the figure must not exceed it, "min" = must reach it. Signup and REST
 * are ratios to a floor measured in the same run (one bcrypt hash; the same statements through raw
 * `pg`), held to "no worse than" the last quiet-machine run before the wizard rework: signup p50 1.33×
 * one hash, REST GET 2.19× and PATCH 1.44× the direct-`pg` floor.
 */
export const TARGETS = {
  signup_overhead_ratio: { max: 1.33 },
  storm_failed: { max: 0 },
  storm_orphans: { max: 0 },
  rest_get_overhead_ratio: { max: 2.19 },
  rest_patch_overhead_ratio: { max: 1.44 },
  wizard_step_p95_ms: { max: 40 },
  wizard_requests_per_save: { max: 2 },
  wizard_next_cpu_ms_per_save: { max: 25 },
  auth_requests_per_render: { max: 0 },
  first_load_js_kb: { max: 150 },
  /** Fraction of what 2 cores can hash (2 × 1000 / bcrypt_hash_ms) that signups_per_s must reach. */
  signups_per_s_fraction: { min: 0.8 },
} as const;

/** Signups per second that 2 cores could sustain if hashing were the only work. */
export function hashCapacityPerS(bcryptHashMs: number): number {
  return (2 * 1000) / bcryptHashMs;
}
