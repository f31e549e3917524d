import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // e2e and benchmarks build into their own folder so they never disturb `npm run dev`.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  // The build type-checks only the app; the local stack, scripts and tests are checked by `npm run typecheck`.
  typescript: { tsconfigPath: "tsconfig.app.json" },
  reactStrictMode: true,
  poweredByHeader: false,
};

export default nextConfig;
