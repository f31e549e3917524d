/**
 * The visitor's IP address, for Supabase Auth's per-IP rate limits. Auth calls made by this server on
 * a visitor's behalf all come from the server's own address, so without this every visitor would
 * share one bucket and one visitor could lock out all the others.
 *
 * Where the address comes from:
 * - `TRUSTED_CLIENT_IP_HEADER` set (for example `x-real-ip` on Vercel, or whatever header the proxy
 *   in front of the app overwrites): the leftmost value of that header. Only a header the proxy
 *   replaces on every request can be trusted; a header it merely passes on is chosen by the client.
 * - unset: Next.js gives middleware and server actions no socket address. `next start` copies the
 *   socket address into `X-Forwarded-For` only when the request has no such header, so this reads
 *   that value. Reached directly, without a proxy, a client can therefore pick its own address: it
 *   can spread its own attempts over made-up addresses (the per-account sign-in limit still holds),
 *   but it cannot use up another visitor's bucket without knowing that visitor's address.
 *
 * Pure (no Node APIs): it runs in middleware as well.
 */
const IPV4 = /^(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?:\.(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
const HEXTET = /^[0-9a-fA-F]{1,4}$/;

function isIpv6(text: string): boolean {
  if (text.length > 45) return false;
  const halves = text.split("::");
  if (halves.length > 2) return false;
  const groups = (part: string) => (part === "" ? [] : part.split(":"));
  const parts = [...groups(halves[0] ?? ""), ...groups(halves[1] ?? "")];
  // A trailing dotted IPv4 counts as two groups (::ffff:192.0.2.1).
  const last = parts.at(-1) ?? "";
  const ipv4Tail = IPV4.test(last);
  const hextets = ipv4Tail ? parts.slice(0, -1) : parts;
  if (!hextets.every((group) => HEXTET.test(group))) return false;
  const count = hextets.length + (ipv4Tail ? 2 : 0);
  return halves.length === 2 ? count < 8 : count === 8;
}

/** True for an IPv4 address in dotted decimal (no leading zeros) or an IPv6 address without zone. */
export function isIpAddress(text: string): boolean {
  return IPV4.test(text) || isIpv6(text);
}

/**
 * The leftmost address of the trusted header (or of `X-Forwarded-For` when none is configured), or
 * null when it is missing or not an IP address — then Auth limits the request by the server's address.
 */
export function clientIpFrom(headers: Headers, trustedHeader: string | null): string | null {
  const value = headers.get(trustedHeader ?? "x-forwarded-for");
  if (!value) return null;
  const first = (value.split(",", 1)[0] ?? "").trim();
  return isIpAddress(first) ? first : null;
}
