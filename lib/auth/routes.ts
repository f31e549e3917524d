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

/** Where a session that still owes its second factor is sent, with `?next=`. */
export const SECOND_FACTOR_PATH = "/two-factor";
/** What such a session may still reach: the code page itself and the /auth routes (sign-out, links). */
const SECOND_FACTOR_OPEN = [SECOND_FACTOR_PATH, "/auth"] as const;

export function isOpenBeforeSecondFactor(path: string): boolean {
  return SECOND_FACTOR_OPEN.some((prefix) => underPrefix(path, prefix));
}
