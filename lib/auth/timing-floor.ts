/**
 * Answers that must not tell by their timing whether an account exists. Auth answers an unknown
 * address at once but hashes the password of an existing one (bcrypt), so without padding a stranger
 * can sort addresses by response time. `startTimingFloor(ms)` marks the start; `pad(value)` resolves
 * with `value` no earlier than `ms` after it. The floor must sit above the slowest natural answer
 * (see docs/benchmarks.md for the measured medians).
 */
export const SIGN_IN_FLOOR_MS = 600;

export interface TimingFloor {
  pad<T>(value: T): Promise<T>;
}

export function startTimingFloor(
  ms: number,
  now: () => number = () => performance.now(),
  sleep: (ms: number) => Promise<void> = (wait) => new Promise((resolve) => setTimeout(resolve, wait)),
): TimingFloor {
  const started = now();
  return {
    async pad(value) {
      const left = started + ms - now();
      if (left > 0) await sleep(left);
      return value;
    },
  };
}
