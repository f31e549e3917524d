/**
 * Structured logging, one child logger per module — `module - LEVEL - message` lines with
 * the context as JSON after them. Debug lines appear only in testing mode (or LOG_LEVEL=debug).
 * Values under secret-looking keys (password, token, authorization, apikey, …) are never printed.
 */
type Level = "debug" | "info" | "warn" | "error";
type Context = Record<string, unknown>;

const ORDER: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };
const LABEL: Record<Level, string> = { debug: "DEBUG", info: "INFO", warn: "WARNING", error: "ERROR" };
const SECRET_KEY = /pass(word)?|secret|token|authorization|apikey|api_key|cookie|code_verifier/i;

export interface Logger {
  debug(message: string, context?: Context): void;
  info(message: string, context?: Context): void;
  warn(message: string, context?: Context): void;
  error(message: string, context?: Context): void;
  child(module: string): Logger;
}

function threshold(): number {
  const configured = process.env.LOG_LEVEL as Level | undefined;
  if (configured && configured in ORDER) return ORDER[configured];
  return process.env.TESTING_MODE === "true" ? ORDER.debug : ORDER.info;
}

/** Replaces secret values and turns errors into plain objects, recursively. */
export function redact(value: unknown, depth = 0): unknown {
  if (depth > 6) return "[deep]";
  if (value instanceof Error) return { name: value.name, message: value.message };
  if (Array.isArray(value)) return value.map((item) => redact(item, depth + 1));
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value).map(([key, inner]) => [
        key,
        SECRET_KEY.test(key) ? "[redacted]" : redact(inner, depth + 1),
      ]),
    );
  }
  return value;
}

export function formatLine(module: string, level: Level, message: string, context?: Context): string {
  const suffix = context && Object.keys(context).length > 0 ? ` ${JSON.stringify(redact(context))}` : "";
  return `${new Date().toISOString()} - ${module} - ${LABEL[level]} - ${message}${suffix}`;
}

export function createLogger(module: string): Logger {
  const write = (level: Level) => (message: string, context?: Context) => {
    if (ORDER[level] < threshold()) return;
    const line = formatLine(module, level, message, context);
    if (level === "error" || level === "warn") console.error(line);
    else console.log(line);
  };
  return {
    debug: write("debug"),
    info: write("info"),
    warn: write("warn"),
    error: write("error"),
    child: (name) => createLogger(`${module}.${name}`),
  };
}

export const logger = createLogger("autoprofile");
