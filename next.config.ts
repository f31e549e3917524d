import type { NextConfig } from "next";
import { PHASE_PRODUCTION_BUILD, PHASE_PRODUCTION_SERVER } from "next/constants";
import { allowedActionOrigins } from "./lib/auth/action-origins";
import { securityHeaders } from "./lib/auth/security-headers";
import { EnvError, publicEnv, serverEnv } from "./lib/env";

const nextConfig: NextConfig = {
  // e2e and benchmarks build into their own folder so they never disturb `npm run dev`.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  // The build type-checks only the app; the local stack, scripts and tests are checked by `npm run typecheck`.
  typescript: { tsconfigPath: "tsconfig.app.json" },
  reactStrictMode: true,
  poweredByHeader: false,
  experimental: {
    serverActions: {
      // Above the forms' own 1 MB limit (lib/input/form-limits.ts), so an oversized form gets a message
      // from the action wrapper instead of Next's bare 500. 10 MB is also what the middleware buffers
      // (proxyClientMaxBodySize); declared bodies above it get a 413 from the middleware.
      bodySizeLimit: "10mb",
      // The browser's Origin must be this request's host or the site's host.
      allowedOrigins: allowedActionOrigins(process.env.NEXT_PUBLIC_SITE_URL),
    },
  },
  // CSP and friends on every response; the reasoning is in lib/auth/security-headers.ts.
  async headers() {
    const headers = securityHeaders({
      supabaseUrl: process.env.NEXT_PUBLIC_SUPABASE_URL,
      production: process.env.NODE_ENV === "production",
    });
    return [{ source: "/:path*", headers }];
  },
};

/**
 * `next build` and `next start` refuse to run without the Supabase variables, with lib/env.ts's
 * message, instead of serving "Internal Server Error" on every route. The build must have them: the
 * NEXT_PUBLIC_ values are compiled into the browser bundle, so defaults supplied at `start` would come
 * too late. (`npm run dev` supplies the local stack's values itself.)
 */
export default function config(phase: string): NextConfig {
  if (phase === PHASE_PRODUCTION_BUILD || phase === PHASE_PRODUCTION_SERVER) {
    try {
      publicEnv();
      serverEnv();
    } catch (error) {
      if (!(error instanceof EnvError)) throw error;
      const command = phase === PHASE_PRODUCTION_BUILD ? "next build" : "next start";
      console.error(`\n${command}: ${error.message}\nFor the local stack: cp .env.example .env.local\n`);
      process.exit(1);
    }
  }
  return nextConfig;
}
