/**
 * Load generators: N tasks through a fixed number of workers, or as many tasks as fit in a fixed
 * duration at a fixed concurrency. Each task's latency is recorded; a task that throws counts as a
 * failure (its error message is kept, once per distinct message, for the report).
 */
import { since } from "./stats";

export interface LoadResult {
  latencies: number[];
  ok: number;
  failed: number;
  /** Wall-clock milliseconds of the whole run. */
  elapsedMs: number;
  errors: string[];
}

/** `index` counts tasks from 0; `worker` (0..concurrency-1) lets a task use per-worker fixtures. */
export type Task = (index: number, worker: number) => Promise<void>;

function newResult(): LoadResult {
  return { latencies: [], ok: 0, failed: 0, elapsedMs: 0, errors: [] };
}

async function timed(task: Task, index: number, worker: number, result: LoadResult): Promise<void> {
  const start = performance.now();
  try {
    await task(index, worker);
    result.latencies.push(since(start));
    result.ok += 1;
  } catch (error) {
    result.failed += 1;
    const message = error instanceof Error ? error.message : String(error);
    if (result.errors.length < 5 && !result.errors.includes(message)) result.errors.push(message);
  }
}

/** Runs tasks 0..count-1 with at most `concurrency` in flight. */
export async function runCount(count: number, concurrency: number, task: Task): Promise<LoadResult> {
  const result = newResult();
  let next = 0;
  const start = performance.now();
  const worker = async (id: number) => {
    while (next < count) await timed(task, next++, id, result);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, (_, id) => worker(id)));
  result.elapsedMs = since(start);
  return result;
}

/** Keeps `concurrency` tasks in flight until `durationMs` has passed (tasks in flight then finish). */
export async function runFor(durationMs: number, concurrency: number, task: Task): Promise<LoadResult> {
  const result = newResult();
  let next = 0;
  const start = performance.now();
  const worker = async (id: number) => {
    while (since(start) < durationMs) await timed(task, next++, id, result);
  };
  await Promise.all(Array.from({ length: concurrency }, (_, id) => worker(id)));
  result.elapsedMs = since(start);
  return result;
}

/** Completed tasks per second over the run. */
export function throughput(result: LoadResult): number {
  return result.elapsedMs > 0 ? (result.ok * 1000) / result.elapsedMs : 0;
}
