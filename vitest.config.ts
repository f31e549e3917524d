import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL(".", import.meta.url));

/**
 * Two projects:
 * - unit: pure code, no network, no database (`*.test.ts` / `*.test.tsx`).
 * - integration: needs a running Supabase (local stack or hosted) described by SUPABASE_URL,
 *   SUPABASE_ANON_KEY, SUPABASE_SERVICE_ROLE_KEY, SUPABASE_DB_URL, INBUCKET_URL (`*.int.test.ts`).
 *   `npm run test:integration` starts a throwaway local stack and sets those for you.
 */
export default defineConfig({
  resolve: { alias: { "@": root } },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["**/*.test.{ts,tsx}"],
          exclude: ["**/*.int.test.ts", "node_modules/**", ".next/**", "e2e/**"],
          environment: "node",
          // Pure code: the files can share one module cache per worker. Importing and transforming
          // every file afresh was ~80% of the unit run (40 s CPU → 7 s). Mocks and stubbed env are
          // per file still (vi.mock is hoisted per file; stubs are undone in afterEach), and the
          // suite passes with the files shuffled.
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["**/*.int.test.ts"],
          exclude: ["node_modules/**", ".next/**", "e2e/**"],
          environment: "node",
          testTimeout: 30_000,
          hookTimeout: 60_000,
          // One database, many tests: files run one at a time so fixtures do not race.
          fileParallelism: false,
        },
      },
    ],
  },
});
