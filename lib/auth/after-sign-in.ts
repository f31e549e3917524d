/**
 * Where a fresh sign-in goes: the (sanitised) `next` page, or first the code page when the account
 * has two-factor on. An action's redirect() is rendered inside the action's own request, so the
 * middleware's code-page redirect would show the code page under the address of `next`; naming the
 * code page here keeps the address true.
 */
import type { User } from "@supabase/supabase-js";
import { safeNextPath } from "./next-path";
import { SECOND_FACTOR_PATH } from "./routes";

/** `/two-factor?next=<path>` (bare when `next` is the home page or unusable). */
export function secondFactorPath(next: string): string {
  const safe = safeNextPath(next, "");
  return safe && safe !== "/" ? `${SECOND_FACTOR_PATH}?next=${encodeURIComponent(safe)}` : SECOND_FACTOR_PATH;
}

export function pathAfterSignIn(user: User | null | undefined, next: unknown): string {
  const target = safeNextPath(next);
  const hasVerifiedFactor = (user?.factors ?? []).some((factor) => factor.status === "verified");
  return hasVerifiedFactor ? secondFactorPath(target) : target;
}
