/**
 * Which paths need a signed-in user and which are only for signed-out visitors. The middleware uses
 * this for optimistic redirects; pages and actions still check the user themselves.
 */
export const PROTECTED_PREFIXES = ["/onboarding", "/profile", "/account", "/admin"] as const;
export const SIGNED_OUT_ONLY = ["/login", "/signup"] as const;

const underPrefix = (path: string, prefix: string) => path === prefix || path.startsWith(`${prefix}/`);

export function isProtectedPath(path: string): boolean {
  return PROTECTED_PREFIXES.some((prefix) => underPrefix(path, prefix));
}

export function isSignedOutOnlyPath(path: string): boolean {
  return SIGNED_OUT_ONLY.some((prefix) => underPrefix(path, prefix));
}
