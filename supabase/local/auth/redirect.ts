/**
 * Where email links may send the browser (GoTrue's utilities.IsRedirectURLValid / GetReferrer):
 * back to the site URL's scheme+host+port (any port on loopback), any loopback IP, or a URL matching
 * an `additional_redirect_urls` glob (gobwas/glob with '.' and '/' as separators: `*` stays within
 * a segment, `**` crosses them). Anything else falls back to site_url — never an open redirect.
 */

function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, "");
  return host === "localhost" || host === "::1" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

function isIpLiteral(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, "");
  return /^\d{1,3}(\.\d{1,3}){3}$/.test(host) || host.includes(":");
}

/** The host as written (WHATWG URL would normalize "2130706433" to 127.0.0.1; Go's parser does not). */
function rawHostname(url: string): string {
  const match = /^[a-zA-Z][a-zA-Z0-9+.-]*:\/\/(?:[^/?#@]*@)?(\[[^\]]*\]|[^/?#:]*)/.exec(url);
  return (match?.[1] ?? "").toLowerCase();
}

/** gobwas/glob pattern (separators '.' and '/') → anchored RegExp. */
export function globToRegExp(pattern: string): RegExp {
  let out = "";
  let inAlternatives = 0;
  for (let i = 0; i < pattern.length; i += 1) {
    const ch = pattern[i] as string;
    if (ch === "*") {
      if (pattern[i + 1] === "*") {
        out += ".*";
        i += 1;
      } else {
        out += "[^./]*";
      }
    } else if (ch === "?") {
      out += "[^./]";
    } else if (ch === "[") {
      const end = pattern.indexOf("]", i + 1);
      if (end === -1) {
        out += "\\[";
      } else {
        let body = pattern.slice(i + 1, end);
        const negate = body.startsWith("!");
        if (negate) body = body.slice(1);
        out += `[${negate ? "^" : ""}${body.replace(/[\\\]^]/g, (c) => `\\${c}`)}]`;
        i = end;
      }
    } else if (ch === "{") {
      inAlternatives += 1;
      out += "(?:";
    } else if (ch === "}" && inAlternatives > 0) {
      inAlternatives -= 1;
      out += ")";
    } else if (ch === "," && inAlternatives > 0) {
      out += "|";
    } else if (ch === "\\" && i + 1 < pattern.length) {
      out += (pattern[i + 1] as string).replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
      i += 1;
    } else {
      out += ch.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
    }
  }
  return new RegExp(`^${out}$`);
}

export function isRedirectUrlValid(redirectUrl: string, siteUrl: string, allowList: string[]): boolean {
  if (!redirectUrl) return false;
  let base: URL;
  let target: URL;
  try {
    base = new URL(siteUrl);
    target = new URL(redirectUrl);
  } catch {
    return false;
  }
  const port = (u: URL) => u.port;
  const written = rawHostname(redirectUrl);
  if (/^[0-9]+$/.test(written)) return false;
  if (
    base.hostname === target.hostname &&
    base.protocol === target.protocol &&
    (port(base) === port(target) || isLoopbackHost(target.hostname))
  ) {
    return true;
  }
  const host = target.hostname;
  if (/^[0-9]+$/.test(host)) return false;
  if (isIpLiteral(host)) return isLoopbackHost(host);
  const matchAgainst = redirectUrl.split("#")[0] ?? "";
  return allowList.some((pattern) => globToRegExp(pattern).test(matchAgainst));
}

/** GoTrue's GetReferrer: `redirect_to` (header or query), else the Referer header, else site_url. */
export function pickRedirect(candidates: Array<string | undefined>, siteUrl: string, allowList: string[]): string {
  for (const candidate of candidates) {
    if (candidate && isRedirectUrlValid(candidate, siteUrl, allowList)) return candidate;
  }
  return siteUrl;
}
