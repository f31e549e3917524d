import type { NextConfig } from "next";
import { allowedActionOrigins } from "./lib/auth/action-origins";
import { securityHeaders } from "./lib/auth/security-headers";

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

export default nextConfig;
