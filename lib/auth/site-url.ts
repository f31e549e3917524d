/**
 * The origin mail links and Auth redirect targets point back to: the configured site URL
 * (NEXT_PUBLIC_SITE_URL), never X-Forwarded-Host/-Proto, which any client can send.
 *
 * One convenience for development: when the configured site is itself a loopback URL (dev server, e2e
 * build) and the request's Host is loopback too, the Host wins, so `next dev` on another port or the
 * e2e build on 127.0.0.1 gets links back to itself. A deployed site URL is never loopback, so on a
 * deployment no request header can steer a link.
 */
import { headers } from "next/headers";

const DEFAULT_SITE = "http://localhost:3000";
const LOOPBACK = /^(localhost|127\.\d{1,3}\.\d{1,3}\.\d{1,3}|\[::1\])$/;

function originOf(url: string | undefined | null): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.origin : null;
  } catch {
    return null;
  }
}

const isLoopback = (origin: string) => LOOPBACK.test(new URL(origin).hostname);

/** Pure: the configured site origin, or — only when that is loopback — a loopback Host header. */
export function chooseOrigin(configured: string | undefined, host: string | null): string {
  const site = originOf(configured) ?? DEFAULT_SITE;
  if (!isLoopback(site) || !host) return site;
  const local = originOf(`${new URL(site).protocol}//${host}`);
  return local && isLoopback(local) && new URL(local).host === host ? local : site;
}

export async function siteOrigin(): Promise<string> {
  return chooseOrigin(process.env.NEXT_PUBLIC_SITE_URL, (await headers()).get("host"));
}

/** The /auth/confirm URL an email link should come back to. */
export async function confirmUrl(flow: "signup" | "recovery", next: string): Promise<string> {
  return `${await siteOrigin()}/auth/confirm?flow=${flow}&next=${encodeURIComponent(next)}`;
}
