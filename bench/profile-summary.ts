/**
 * `npx tsx bench/profile-summary.ts <file.cpuprofile> [top]`: where a V8 CPU profile (from
 * `npm run bench -- --cpu-prof`) spent its time — self time per function and per package/file, so a
 * missed target can be explained with evidence rather than guesses.
 */
import { readFileSync } from "node:fs";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}
interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
}

/** Collapses a script URL to the package (node_modules/<pkg>) or repository-relative file. */
export function bucketOf(url: string): string {
  if (url === "") return "(native / V8)";
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg?.[1]) return `pkg ${pkg[1]}`;
  if (url.startsWith("node:")) return url;
  const repo = /\/work\/main\/(.*)$/.exec(url);
  return repo?.[1] ?? url;
}

export function summarize(profile: CpuProfile, top: number): string {
  const total = profile.samples.length;
  const ms = (profile.endTime - profile.startTime) / 1000;
  const byFunction = new Map<string, number>();
  const byBucket = new Map<string, number>();
  for (const node of profile.nodes) {
    const hits = node.hitCount ?? 0;
    if (hits === 0) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    const name = `${functionName || "(anonymous)"} ${bucketOf(url)}:${lineNumber + 1}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + hits);
    const bucket =
      functionName === "(idle)" || functionName === "(program)" || functionName === "(garbage collector)"
        ? functionName
        : bucketOf(url);
    byBucket.set(bucket, (byBucket.get(bucket) ?? 0) + hits);
  }
  const lines = (map: Map<string, number>) =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, hits]) => `${((100 * hits) / total).toFixed(1).padStart(5)}%  ${name}`);
  return [
    `${total} samples over ${(ms / 1000).toFixed(1)} s (main thread; bcrypt runs on libuv threads and is not sampled)`,
    "",
    "self time by package / file:",
    ...lines(byBucket),
    "",
    "self time by function:",
    ...lines(byFunction),
  ].join("\n");
}

const file = process.argv[2];
if (file) {
  const profile = JSON.parse(readFileSync(file, "utf8")) as CpuProfile;
  console.log(summarize(profile, Number(process.argv[3] ?? 25)));
} else if (process.argv[1]?.endsWith("profile-summary.ts")) {
  console.error("usage: npx tsx bench/profile-summary.ts <file.cpuprofile> [top]");
  process.exit(2);
}
