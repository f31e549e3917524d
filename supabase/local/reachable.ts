/**
 * As root, Postgres (initdb and the server) runs as the unprivileged `postgres` OS user, which must be
 * able to enter every folder above the Postgres binaries (in node_modules) and the data dir. A checkout
 * under a private folder (`/root`, a `mktemp -d`, both 0700) otherwise fails deep inside embedded-
 * postgres with a bare `spawn …/initdb EACCES`; this says which folder and what to do, in one line.
 */
import { statSync } from "node:fs";
import path from "node:path";

/** The first folder from `/` down to `target`'s parent that others cannot enter, or null. */
export function firstPrivateFolder(target: string): string | null {
  const parts = path.resolve(target).split(path.sep).filter(Boolean);
  let current: string = path.sep;
  for (const part of parts.slice(0, -1)) {
    current = path.join(current, part);
    let mode: number;
    try {
      mode = statSync(current).mode;
    } catch {
      return null;
    }
    if ((mode & 0o001) === 0) return current;
  }
  return null;
}

/** Throws the one-line explanation when running as root and Postgres could not reach `paths`. */
export function assertReachableByPostgres(paths: string[]): void {
  if (process.getuid?.() !== 0) return;
  for (const target of paths) {
    const blocked = firstPrivateFolder(target);
    if (blocked === null) continue;
    const mode = (statSync(blocked).mode & 0o777).toString(8).padStart(4, "0");
    throw new Error(
      `Postgres runs as the "postgres" user (you are root) and cannot enter ${blocked} (mode ${mode}): ` +
        `run \`chmod o+x ${blocked}\`, or keep the checkout and SUPABASE_LOCAL_DIR in a folder others can enter.`,
    );
  }
}
