/**
 * Signed out, or the backend briefly down? The one place that tells them apart, for the middleware,
 * server reads and the action wrapper. An outage is never treated as a sign-out: no redirect to
 * /login, no cookie cleared, typed values kept.
 *
 * - Auth: supabase-js turns a network failure (status 0) and every 5xx into AuthRetryableFetchError
 *   and keeps the session; other 5xx shapes still carry `status`. 401/403 and an invalid or expired
 *   token that cannot be refreshed are a real sign-out.
 * - Data (PostgREST): a fetch that fails, or 502/503/504 (PGRST000–PGRST003: the database or its pool
 *   unreachable). A 500 is an SQL error in a request, not an outage. postgrest-js folds these into a
 *   result whose error loses the status, so the server client's fetch notes them (`sawOutage`).
 */
import { isAuthError, isAuthRetryableFetchError } from "@supabase/supabase-js";
import { UNAVAILABLE_DIGEST } from "@/lib/outage-digest";
export const UNAVAILABLE_MESSAGE =
  "The service is briefly unavailable, so nothing was saved. Your answers are still here: please try again in a moment.";
/** Seconds a client should wait before retrying (the stack restarts a crashed Postgres within seconds). */
export const RETRY_AFTER_SECONDS = 5;

export class ServiceUnavailableError extends Error {
  override name = "ServiceUnavailableError";
  readonly digest = UNAVAILABLE_DIGEST;
  constructor(override readonly cause?: unknown) {
    super("The backend is unavailable");
  }
}

/** An Auth error that means "Auth (or its database) is down", not "this session is invalid". */
export function isAuthOutage(error: unknown): boolean {
  if (isAuthRetryableFetchError(error)) return true;
  return isAuthError(error) && typeof error.status === "number" && error.status >= 500;
}

const OUTAGE_STATUSES: ReadonlySet<number> = new Set([502, 503, 504]);

const noticed = new WeakMap<object, { seen: boolean }>();

/**
 * A fetch (wrapping `base`) for a Supabase client that remembers whether any answer was an outage;
 * `adopt(client)` then lets `sawOutage(client)` ask.
 */
export function outageWatch(base: typeof fetch = fetch): { fetch: typeof fetch; adopt(owner: object): void } {
  const state = { seen: false };
  const watched: typeof fetch = async (input, init) => {
    try {
      const response = await base(input, init);
      if (OUTAGE_STATUSES.has(response.status)) state.seen = true;
      return response;
    } catch (error) {
      if (!(error instanceof DOMException && error.name === "AbortError")) state.seen = true;
      throw error;
    }
  };
  return { fetch: watched, adopt: (owner) => noticed.set(owner, state) };
}

/** True when a request made through this client found the backend unavailable. */
export function sawOutage(client: object): boolean {
  return noticed.get(client)?.seen ?? false;
}
