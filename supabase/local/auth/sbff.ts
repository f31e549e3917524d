/**
 * IP address forwarding, as GoTrue's `sbff` middleware does it. A server-side client (the app's
 * server, making Auth calls on a visitor's behalf) names the visitor in `Sb-Forwarded-For`; with
 * `sb_forwarded_for_enabled` on, that address replaces the connection's for every IP-keyed limit and
 * for the IP recorded on sessions. The rules:
 *
 * - only the leftmost comma-separated value counts, trimmed, and it must parse as an IPv4 or IPv6
 *   address (Go's net.ParseIP: no leading zeros, no zone); it is used in canonical form, so
 *   `2001:DB8::0:1` and `2001:db8::1` share one bucket and `::ffff:192.0.2.1` is `192.0.2.1`;
 * - a missing header, or the switch off, changes nothing;
 * - an invalid value is logged and ignored: the request is limited by its connection address, it is
 *   never refused.
 *
 * Which callers may send the header is the gateway's business (hosted accepts it only with a secret
 * API key; gateway.ts drops it from every other request).
 */
import type { IncomingMessage } from "node:http";
import { isIPv6 } from "node:net";
import type { ServiceContext } from "../contracts.ts";

export const SBFF_HEADER = "sb-forwarded-for";

const IPV4 = /^(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?:\.(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

/** An IPv6 address in RFC 5952 form; IPv4-mapped addresses as dotted IPv4 (as Go prints them). */
function canonicalIpv6(text: string): string | null {
  if (text.includes("%") || !isIPv6(text)) return null;
  // The WHATWG URL serializer compresses and lower-cases exactly as RFC 5952 asks.
  const host = new URL(`http://[${text}]/`).hostname.slice(1, -1);
  const mapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(host);
  if (!mapped?.[1] || !mapped[2]) return host;
  const high = parseInt(mapped[1], 16);
  const low = parseInt(mapped[2], 16);
  return [high >> 8, high & 255, low >> 8, low & 255].join(".");
}

/** GoTrue's parseSBFFHeader: the canonical leftmost address, or null when it is not an IP. */
export function parseSbForwardedFor(value: string): string | null {
  const first = (value.split(",", 1)[0] ?? "").trim();
  if (IPV4.test(first)) return first;
  return canonicalIpv6(first);
}

/** The context the endpoints see: `ip` replaced by the forwarded address when it applies. */
export function withForwardedIp(
  req: IncomingMessage,
  ctx: ServiceContext,
  enabled: boolean,
  warn: (line: string) => void = console.warn,
): ServiceContext {
  if (!enabled) return ctx;
  const raw = req.headers[SBFF_HEADER];
  const value = Array.isArray(raw) ? raw.join(", ") : raw;
  if (value === undefined || value === "") return ctx;
  const ip = parseSbForwardedFor(value);
  if (ip === null) {
    warn("[auth] error processing Sb-Forwarded-For: invalid Sb-Forwarded-For header value");
    return ctx;
  }
  return { ...ctx, ip };
}
