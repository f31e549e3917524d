/**
 * Server Actions' CSRF check: Next.js accepts an action only when the browser's Origin names the
 * request's own host, or a host listed here. The list is written out from the configured site URL
 * (a proxy in front may present another Host to Next.js), never widened with wildcards.
 */
export function allowedActionOrigins(siteUrl: string | undefined): string[] {
  if (!siteUrl) return [];
  try {
    const url = new URL(siteUrl);
    return url.protocol === "http:" || url.protocol === "https:" ? [url.host] : [];
  } catch {
    return [];
  }
}
