/**
 * Keeps the stack's Postgres running. When the postmaster exits without being asked to (a crash,
 * `kill -9`, the OOM killer), it is started again after a pause that doubles on each failed attempt
 * (from `firstDelayMs`, at most 30 s) and starts small again once Postgres has stayed up for a minute.
 * Every exit, attempt and recovery is logged. SIGUSR2 to the stack process (what `supabase:start`
 * sends to an unhealthy stack) skips the pause. Crash recovery itself is Postgres's: it replays the WAL,
 * so every acknowledged write is still there.
 */
import type { LocalConfig } from "./config";
import { startPostgres, type RunningPostgres } from "./postgres";

const MAX_DELAY_MS = 30_000;
const STABLE_MS = 60_000;

export interface SupervisedPostgres {
  /** True when initdb ran in the first start: the caller must bootstrap. */
  fresh: boolean;
  /** Ends the pause before the next restart attempt (no effect while Postgres runs). */
  restartNow(): void;
  stop(): Promise<void>;
}

/** The first pause; SUPABASE_DB_RESTART_DELAY_MS lets a test hold a crashed database down longer. */
export function supervisionFromEnv(env: NodeJS.ProcessEnv = process.env): { firstDelayMs: number } {
  const raw = Number(env.SUPABASE_DB_RESTART_DELAY_MS);
  return { firstDelayMs: Number.isFinite(raw) && raw >= 0 ? raw : 500 };
}

export async function startSupervisedPostgres(
  config: LocalConfig,
  log: (line: string) => void,
  { firstDelayMs }: { firstDelayMs: number },
): Promise<SupervisedPostgres> {
  const pgLog = (line: string) => log(`[postgres] ${line}`);
  let current: RunningPostgres = await startPostgres(config, pgLog);
  let startedAt = Date.now();
  let stopping = false;
  let wake: (() => void) | null = null;
  let delay = firstDelayMs;

  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        wake = null;
        resolve();
      }
      wake = done;
    });

  const supervise = async () => {
    for (;;) {
      await current.exited;
      if (stopping) return;
      // A Postgres that crashes again soon after a restart keeps the longer pause.
      if (Date.now() - startedAt > STABLE_MS) delay = firstDelayMs;
      log(`[supervisor] Postgres exited unexpectedly; restarting in ${delay} ms`);
      for (let attempt = 1; ; attempt += 1) {
        await pause(delay);
        if (stopping) return;
        try {
          current = await startPostgres(config, pgLog);
          startedAt = Date.now();
          log(`[supervisor] Postgres is running again (attempt ${attempt})`);
          if (stopping) return;
          break;
        } catch (error) {
          delay = Math.min(Math.max(delay * 2, 100), MAX_DELAY_MS);
          log(`[supervisor] restart attempt ${attempt} failed (${String(error)}); next in ${delay} ms`);
        }
      }
    }
  };
  const loop = supervise();

  return {
    fresh: current.fresh,
    restartNow: () => wake?.(),
    async stop() {
      stopping = true;
      wake?.();
      await current.stop();
      // A restart that was under way when stop() came finishes first; what it started is stopped too.
      await loop;
      await current.stop();
    },
  };
}
