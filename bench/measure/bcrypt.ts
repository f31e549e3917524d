/**
 * The floor of a signup: one bcrypt cost-10 hash with the native `bcrypt` package (the fastest
 * implementation available here, and the one the Auth service uses). hashSync on the main thread so
 * nothing else is measured; median of several after a warm-up.
 */
import { createRequire } from "node:module";
import { median, since } from "../lib/stats";

// Loaded untyped on purpose: the Auth service's declaration of "bcrypt" covers only the async API it
// uses, and the floor is measured with the synchronous one (nothing else on the clock).
const bcrypt = createRequire(import.meta.url)("bcrypt") as { hashSync(data: string, rounds: number): string };

const COST = 10;

/**
 * Median wall time of one hash (the figure), and median CPU time of one hash — the same on an idle
 * machine, but CPU time does not grow when other processes compete for the cores.
 */
export function measureBcrypt(samples: number): { wallMs: number; cpuMs: number } {
  bcrypt.hashSync("warm-up password", COST);
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < samples; i++) {
    const startCpu = process.cpuUsage();
    const start = performance.now();
    bcrypt.hashSync(`bench password ${i}`, COST);
    wall.push(since(start));
    const used = process.cpuUsage(startCpu);
    cpu.push((used.user + used.system) / 1000);
  }
  return { wallMs: median(wall), cpuMs: median(cpu) };
}
