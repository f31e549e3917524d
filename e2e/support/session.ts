/**
 * Reads and rewrites the @supabase/ssr session cookie (`sb-<ref>-auth-token`, base64url JSON, split
 * into `.0`, `.1`, … chunks when long) so a spec can age a session the way time would.
 */
import type { BrowserContext, Cookie } from "@playwright/test";

export interface StoredSession {
  access_token: string;
  refresh_token: string;
  expires_at: number;
  [key: string]: unknown;
}

const SESSION_COOKIE = /^sb-[^.]+-auth-token(\.\d+)?$/;

function chunkIndex(cookie: Cookie): number {
  const match = /\.(\d+)$/.exec(cookie.name);
  return match ? Number(match[1]) : -1;
}

export async function sessionCookies(context: BrowserContext): Promise<Cookie[]> {
  return (await context.cookies())
    .filter((cookie) => SESSION_COOKIE.test(cookie.name))
    .sort((a, b) => chunkIndex(a) - chunkIndex(b));
}

export async function readSession(context: BrowserContext): Promise<StoredSession | null> {
  const cookies = await sessionCookies(context);
  if (cookies.length === 0) return null;
  const whole = cookies.find((cookie) => chunkIndex(cookie) === -1);
  const raw = whole ? whole.value : cookies.map((cookie) => cookie.value).join("");
  const json = raw.startsWith("base64-")
    ? Buffer.from(raw.slice(7), "base64url").toString("utf8")
    : decodeURIComponent(raw);
  return JSON.parse(json) as StoredSession;
}

/** Replaces the session cookie(s) with `session`, chunked as @supabase/ssr would read them. */
export async function writeSession(context: BrowserContext, session: StoredSession): Promise<void> {
  const existing = await sessionCookies(context);
  const first = existing[0];
  if (!first) throw new Error("no session cookie to replace");
  const base = first.name.replace(/\.\d+$/, "");
  const value = `base64-${Buffer.from(JSON.stringify(session), "utf8").toString("base64url")}`;
  await context.clearCookies({ name: SESSION_COOKIE });
  const chunks = value.match(/.{1,3000}/g) ?? [];
  const template = { domain: first.domain, path: "/", sameSite: "Lax" as const, httpOnly: true, secure: false };
  await context.addCookies(
    chunks.length === 1
      ? [{ ...template, name: base, value }]
      : chunks.map((chunk, index) => ({ ...template, name: `${base}.${index}`, value: chunk })),
  );
}

/** An access token that has expired and carries no valid signature: only a refresh can save the session. */
export function expiredAccessToken(token: string): string {
  const [header, payload] = token.split(".");
  if (!header || !payload) throw new Error("not a JWT");
  const claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as Record<string, unknown>;
  const past = Math.floor(Date.now() / 1000) - 3600;
  const aged = Buffer.from(JSON.stringify({ ...claims, iat: past - 3600, exp: past })).toString("base64url");
  return `${header}.${aged}.invalid-signature`;
}
