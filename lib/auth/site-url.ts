/**
 * The origin email links point back to: NEXT_PUBLIC_SITE_URL, or the request's own origin when that
 * is unset. One convenience: when the request arrives on a loopback host (dev server or e2e build on
 * another port) the request's origin wins, so links land on the instance that sent them. Production
 * hosts are never loopback, so a forged Host header cannot steer links there.
 */
import { headers } from "next/headers";

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

/** Pure: picks between the configured site URL and the request origin. */
export function chooseOrigin(configured: string | undefined, requestOrigin: string | null): string {
  const site = originOf(configured);
  const request = originOf(requestOrigin);
  if (request && LOOPBACK.test(new URL(request).hostname)) return request;
  return site ?? request ?? "http://localhost:3000";
}

/** The request's origin as the browser saw it (Host / X-Forwarded-* from the proxy in front). */
export async function requestOrigin(): Promise<string | null> {
  const list = await headers();
  const host = list.get("x-forwarded-host") ?? list.get("host");
  if (!host) return null;
  const proto = list.get("x-forwarded-proto")?.split(",")[0]?.trim() ?? "http";
  return `${proto}://${host}`;
}

export async function siteOrigin(): Promise<string> {
  return chooseOrigin(process.env.NEXT_PUBLIC_SITE_URL, await requestOrigin());
}

/** The /auth/confirm URL an email link should come back to. */
export async function confirmUrl(flow: "signup" | "recovery", next: string): Promise<string> {
  return `${await siteOrigin()}/auth/confirm?flow=${flow}&next=${encodeURIComponent(next)}`;
}
