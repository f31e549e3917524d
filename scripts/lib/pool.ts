/**
 * Bounded concurrency for bulk work (imports, backfills): at most `concurrency` calls in flight,
 * results in input order, and a progress callback after each finished item.
 */
export async function mapConcurrent<T, R>(
  items: readonly T[],
  concurrency: number,
  work: (item: T, index: number) => Promise<R>,
  onProgress?: (done: number, total: number) => void,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  let done = 0;
  async function worker(): Promise<void> {
    while (next < items.length) {
      const index = next;
      next += 1;
      results[index] = await work(items[index] as T, index);
      done += 1;
      onProgress?.(done, items.length);
    }
  }
  const workers = Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, () => worker());
  await Promise.all(workers);
  return results;
}

/** Prints "label: done/total (pct%)" at most every `everyMs`, and always at the end. */
export function progressPrinter(label: string, out: (line: string) => void = console.log, everyMs = 1000) {
  let last = 0;
  return (done: number, total: number) => {
    const now = Date.now();
    if (done !== total && now - last < everyMs) return;
    last = now;
    out(`      ${label}: ${done}/${total} (${total === 0 ? 100 : Math.floor((done / total) * 100)}%)`);
  };
}
