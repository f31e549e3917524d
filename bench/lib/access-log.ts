/**
 * Counts requests to the stack from its access log (SUPABASE_ACCESS_LOG, one JSON line per request the
 * gateway answered): take a mark, do the work, read what was logged since. The bench is the only client
 * of its stack, so every line in a window is a request the measured work caused.
 */
import { existsSync, readFileSync, statSync } from "node:fs";

export interface AccessEntry {
  method: string;
  path: string;
  status: number;
  who: string | null;
}

export interface AccessWindow {
  /** Every request logged since the mark. */
  entries(): AccessEntry[];
}

export interface AccessCounter {
  mark(): AccessWindow;
}

function size(file: string): number {
  return existsSync(file) ? statSync(file).size : 0;
}

export function accessCounter(file: string): AccessCounter {
  return {
    mark() {
      const from = size(file);
      return {
        entries: () =>
          readFileSync(file)
            .subarray(from)
            .toString("utf8")
            .split("\n")
            .filter((line) => line !== "")
            .map((line) => JSON.parse(line) as AccessEntry),
      };
    },
  };
}

export const isAuth = (entry: AccessEntry) => entry.path.startsWith("/auth/v1/");
