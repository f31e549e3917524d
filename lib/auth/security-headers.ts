/**
 * Security headers for every response (wired in next.config.ts `headers()`).
 *
 * CSP choice: scripts are allowed from 'self' plus 'unsafe-inline', not a per-request nonce. Next.js
 * streams inline bootstrap scripts; a nonce would force every page to render dynamically (static pages
 * such as the landing page would lose their pre-rendering) and needs the middleware to mint it. React
 * escapes all rendered text, no page injects HTML, and no third-party script origin is allowed, so the
 * remaining risk is small; move to nonces if the app ever renders user-supplied HTML.
 * 'unsafe-eval' only in development (React's dev tooling). connect-src: this site and the Supabase URL
 * (the browser client talks to Auth/REST directly). frame-ancestors 'none' stops clickjacking.
 */
export interface HeaderOptions {
  supabaseUrl: string | undefined;
  production: boolean;
}

function originOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

export function contentSecurityPolicy({ supabaseUrl, production }: HeaderOptions): string {
  const supabase = originOf(supabaseUrl);
  const connect = ["'self'", supabase, supabase?.replace(/^http/, "ws")].filter(Boolean);
  if (!production) connect.push("ws://localhost:*", "ws://127.0.0.1:*");
  const directives: Record<string, string[]> = {
    "default-src": ["'self'"],
    "script-src": ["'self'", "'unsafe-inline'", ...(production ? [] : ["'unsafe-eval'"])],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "font-src": ["'self'", "data:"],
    "connect-src": connect as string[],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
    "frame-src": ["'none'"],
    "worker-src": ["'self'", "blob:"],
    "manifest-src": ["'self'"],
  };
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(" ")}`)
    .join("; ");
}

export function securityHeaders(options: HeaderOptions): { key: string; value: string }[] {
  const headers = [
    { key: "Content-Security-Policy", value: contentSecurityPolicy(options) },
    { key: "X-Frame-Options", value: "DENY" },
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    {
      key: "Permissions-Policy",
      value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=(), browsing-topics=()",
    },
    { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  ];
  // Browsers ignore HSTS over plain http, so sending it from a production build served locally is harmless.
  if (options.production) {
    headers.push({ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains; preload" });
  }
  return headers;
}
