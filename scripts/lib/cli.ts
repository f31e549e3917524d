/**
 * The shared shape of every operations script: `node:util` parseArgs with a generated `--help`,
 * one PASS/FAIL line per check, progress lines, and the exit code (0 = every check passed, 1 = a
 * check or the run failed, 2 = the command line was wrong).
 */
import { writeSync } from "node:fs";
import { parseArgs, type ParseArgsOptionsConfig } from "node:util";

export interface OptionHelp {
  /** "--db-url URL" as shown in the help text. */
  flag: string;
  description: string;
}

export interface CommandSpec<O extends ParseArgsOptionsConfig> {
  /** The npm script name, e.g. "db:setup". */
  name: string;
  summary: string;
  /** Positional part of the usage line, e.g. "<file.csv|file.json>". */
  positionals?: string;
  options: O;
  help: OptionHelp[];
  examples: string[];
  /** Free text printed after the options (what the command checks, exit codes). */
  details?: string;
}

export class UsageError extends Error {
  override name = "UsageError";
}

export function helpText<O extends ParseArgsOptionsConfig>(spec: CommandSpec<O>): string {
  const usage = `npm run ${spec.name} --${spec.positionals ? ` ${spec.positionals}` : ""} [options]`;
  const all = [...spec.help, { flag: "-h, --help", description: "show this help" }];
  const width = Math.max(...all.map((option) => option.flag.length)) + 2;
  const lines = [
    `${spec.name} — ${spec.summary}`,
    "",
    `Usage: ${usage}`,
    "",
    "Options:",
    ...all.map((option) => `  ${option.flag.padEnd(width)}${option.description}`),
  ];
  if (spec.details) lines.push("", spec.details.trimEnd());
  lines.push("", "Examples:", ...spec.examples.map((example) => `  ${example}`));
  return lines.join("\n");
}

/**
 * Parses argv (default: process.argv). `--help` prints the help and exits 0; an unknown option or a
 * missing value prints the reason plus the usage line and exits 2.
 */
export function parseCommand<O extends ParseArgsOptionsConfig>(spec: CommandSpec<O>, argv = process.argv.slice(2)) {
  const options = { ...spec.options, help: { type: "boolean", short: "h" } } as O & {
    help: { type: "boolean"; short: "h" };
  };
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options, allowPositionals: spec.positionals !== undefined, strict: true });
  } catch (error) {
    // Synchronous writes: process.exit() would otherwise cut off piped output.
    writeSync(2, `${spec.name}: ${(error as Error).message}\nRun "npm run ${spec.name} -- --help" for usage.\n`);
    process.exit(2);
  }
  if ((parsed.values as { help?: boolean }).help) {
    writeSync(1, `${helpText(spec)}\n`);
    process.exit(0);
  }
  return parsed;
}

/** Collects check results and prints one line per check. */
export class Report {
  private failures = 0;
  private passes = 0;

  constructor(private readonly out: (line: string) => void = console.log) {}

  pass(label: string, detail?: string): void {
    this.passes += 1;
    this.out(`PASS  ${label}${detail ? ` (${detail})` : ""}`);
  }

  fail(label: string, detail?: string): void {
    this.failures += 1;
    this.out(`FAIL  ${label}${detail ? ` — ${detail}` : ""}`);
  }

  /** Records `ok` as a pass or a failure. */
  check(ok: boolean, label: string, failDetail?: string, passDetail?: string): boolean {
    if (ok) this.pass(label, passDetail);
    else this.fail(label, failDetail);
    return ok;
  }

  info(line: string): void {
    this.out(`      ${line}`);
  }

  get failed(): number {
    return this.failures;
  }

  get passed(): number {
    return this.passes;
  }

  /** The summary line; returns the exit code. */
  summary(name: string): number {
    if (this.failures > 0) {
      this.out(`\n✗ ${name}: ${this.failures} check(s) failed, ${this.passes} passed`);
      return 1;
    }
    this.out(`\n✓ ${name}: ${this.passes} check(s) passed, none failed`);
    return 0;
  }
}

/**
 * Runs a script's main function and exits with its code. An exception is a failed run: its
 * message (never a stack, unless DEBUG is set) and exit 1; a UsageError exits 2.
 */
export function runMain(name: string, main: () => Promise<number>): void {
  // Exit once stdout has drained (piped output is asynchronous), without waiting for idle sockets.
  const exit = (code: number) => process.stdout.write("", () => process.exit(code));
  main().then(exit, (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    console.error(`\n✗ ${name}: ${message}`);
    if (process.env.DEBUG && error instanceof Error && error.stack) console.error(error.stack);
    exit(error instanceof UsageError ? 2 : 1);
  });
}
