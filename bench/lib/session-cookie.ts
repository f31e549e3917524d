/**
 * The @supabase/ssr session cookie for a session, so a benchmark can be signed in
 * without driving the login form: name `sb-<first host label>-auth-token`, value `base64-` +
 * base64url(session JSON), split into `.0`, `.1`, … chunks past 3180 characters.
 */
import type { Session } from "@supabase/supabase-js";

const CHUNK = 3180;

export function storageKey(supabaseUrl: string): string {
  return `sb-${new URL(supabaseUrl).hostname.split(".")[0]}-auth-token`;
}

/** name → value pairs to set on the app's origin. */
export function sessionCookies(supabaseUrl: string, session: Session): { name: string; value: string }[] {
  const name = storageKey(supabaseUrl);
  // base64url plus the prefix is URI-safe, so its length is its encodeURIComponent length.
  const value = `base64-${Buffer.from(JSON.stringify(session), "utf8").toString("base64url")}`;
  if (value.length <= CHUNK) return [{ name, value }];
  const chunks: { name: string; value: string }[] = [];
  for (let i = 0; i * CHUNK < value.length; i++) {
    chunks.push({ name: `${name}.${i}`, value: value.slice(i * CHUNK, (i + 1) * CHUNK) });
  }
  return chunks;
}

export function cookieHeader(cookies: { name: string; value: string }[]): string {
  return cookies.map(({ name, value }) => `${name}=${value}`).join("; ");
}
