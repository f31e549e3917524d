/**
 * `npm run dev` honours the port the way `next dev` does: `--port 4000`, `-p 4000`, `--port=4000`, then
 * the PORT variable, then 3000. Every other argument goes to `next dev` unchanged.
 */
export const DEFAULT_DEV_PORT = 3000;

export interface DevArgs {
  port: number;
  /** The arguments for `next dev` other than the port. */
  rest: string[];
}

function parsePort(value: string | undefined, source: string): number {
  const port = Number(value);
  if (!value || !/^\d+$/.test(value) || port < 1 || port > 65535) {
    throw new Error(`${source} must be a port number between 1 and 65535 (got ${JSON.stringify(value ?? "")})`);
  }
  return port;
}

export function devArgs(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): DevArgs {
  let port: number | undefined;
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] as string;
    if (arg === "--port" || arg === "-p") {
      port = parsePort(argv[i + 1], arg);
      i += 1;
    } else if (arg.startsWith("--port=")) {
      port = parsePort(arg.slice("--port=".length), "--port");
    } else {
      rest.push(arg);
    }
  }
  if (port === undefined && env.PORT) port = parsePort(env.PORT, "PORT");
  return { port: port ?? DEFAULT_DEV_PORT, rest };
}
