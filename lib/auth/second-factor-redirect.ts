/**
 * The middleware's rule for the second factor: a session that still owes its code goes to the code
 * page before anything else (back to where it was going afterwards); the code page itself is only
 * for such sessions (signed out → /login, done → on to `next`).
 */
import { secondFactorPath } from "./after-sign-in";
import { safeNextPath } from "./next-path";
import { isOpenBeforeSecondFactor, SECOND_FACTOR_PATH } from "./routes";

interface SessionState {
  userId: string | null;
  secondFactorDue: boolean;
}

export function secondFactorRedirect(pathname: string, search: string, session: SessionState): string | null {
  const onCodePage = pathname === SECOND_FACTOR_PATH;
  if (session.userId && session.secondFactorDue) {
    if (isOpenBeforeSecondFactor(pathname)) return null;
    // From /login?next=…, the page they were sent away from is the one to come back to.
    const target = pathname === "/login" ? (new URLSearchParams(search).get("next") ?? "") : `${pathname}${search}`;
    return secondFactorPath(target);
  }
  if (!onCodePage) return null;
  const next = new URLSearchParams(search).get("next");
  if (!session.userId) return `/login${next ? `?next=${encodeURIComponent(safeNextPath(next))}` : ""}`;
  return safeNextPath(next);
}
