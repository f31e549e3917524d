/**
 * Command-line options of `npm run bench`. `--quick` shrinks every N and duration to smoke-test size
 * (the harness runs end to end in well under a minute plus the Next build); the figures it prints are
 * then meaningless and the table says so.
 */
export type Measurement = "bcrypt" | "auth" | "signup-load" | "rest" | "import" | "wizard" | "render" | "first-load";
export const MEASUREMENTS: readonly Measurement[] = [
  "bcrypt",
  "auth",
  "signup-load",
  "rest",
  "import",
  "wizard",
  "render",
  "first-load",
];

export interface Options {
  json: boolean;
  out: string;
  quick: boolean;
  /** "bench": start/reuse the bench stack; "env": use SUPABASE_URL & co. from the environment. */
  stack: "bench" | "env";
  only: Measurement[];
  nextPort: number;
  distDir: string;
  bcryptSamples: number;
  /** Sequential signups and sign-ins each. */
  authN: number;
  loadN: number;
  loadConcurrency: number;
  stormN: number;
  restConcurrency: number;
  restDurationMs: number;
  wizardN: number;
  /** Rounds of signed-in renders (each renders every measured page once). */
  renderN: number;
  /** Rows of the profiles:import volume run. */
  importN: number;
  /** Directory for V8 CPU profiles of the stack process (only when this run starts the stack). */
  cpuProf: string | undefined;
  /** Reuse the app already built in distDir (built by an earlier run against the same stack URL). */
  noBuild: boolean;
}

const FULL = {
  bcryptSamples: 15,
  authN: 100,
  loadN: 300,
  loadConcurrency: 16,
  stormN: 200,
  restConcurrency: 10,
  restDurationMs: 10_000,
  wizardN: 50,
  renderN: 20,
  importN: 10_000,
};
const QUICK = {
  bcryptSamples: 3,
  authN: 3,
  loadN: 6,
  loadConcurrency: 3,
  stormN: 5,
  restConcurrency: 2,
  restDurationMs: 300,
  wizardN: 3,
  renderN: 2,
  importN: 20,
};

export const USAGE = `npm run bench -- [--json] [--out FILE] [--quick] [--stack bench|env] [--only a,b]
  [--next-port 3200] [--dist-dir .next-bench] [--storm-n 200] [--auth-n 100] [--import-n 10000] [--rest-seconds 10]
  [--cpu-prof] [--no-build]
measurements: ${MEASUREMENTS.join(", ")}`;

function int(name: string, raw: string | undefined): number {
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} needs a positive integer, got "${raw}"`);
  return value;
}

export function parseOptions(argv: readonly string[]): Options {
  const quick = argv.includes("--quick");
  const options: Options = {
    json: false,
    out: "bench/results/latest.json",
    quick,
    stack: "bench",
    only: [...MEASUREMENTS],
    nextPort: 3200,
    distDir: ".next-bench",
    cpuProf: undefined,
    noBuild: false,
    ...(quick ? QUICK : FULL),
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => argv[++i];
    switch (arg) {
      case "--json":
        options.json = true;
        break;
      case "--quick":
        break;
      case "--out":
        options.out = value() ?? options.out;
        options.json = true;
        break;
      case "--stack": {
        const stack = value();
        if (stack !== "bench" && stack !== "env") throw new Error(`--stack is bench or env, got "${stack}"`);
        options.stack = stack;
        break;
      }
      case "--only": {
        const names = (value() ?? "").split(",").filter(Boolean);
        const unknown = names.filter((name) => !MEASUREMENTS.includes(name as Measurement));
        if (unknown.length > 0 || names.length === 0)
          throw new Error(`--only: unknown "${unknown.join(",")}"\n${USAGE}`);
        options.only = names as Measurement[];
        break;
      }
      case "--next-port":
        options.nextPort = int(arg, value());
        break;
      case "--dist-dir":
        options.distDir = value() ?? options.distDir;
        break;
      case "--storm-n":
        options.stormN = int(arg, value());
        break;
      case "--auth-n":
        options.authN = int(arg, value());
        break;
      case "--import-n":
        options.importN = int(arg, value());
        break;
      case "--no-build":
        options.noBuild = true;
        break;
      case "--cpu-prof":
        options.cpuProf = "/tmp/bench-profiles";
        break;
      case "--rest-seconds":
        options.restDurationMs = int(arg, value()) * 1000;
        break;
      case "--help":
      case "-h":
        throw new Error(USAGE);
      default:
        throw new Error(`unknown option "${arg}"\n${USAGE}`);
    }
  }
  return options;
}
