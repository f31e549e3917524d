/**
 * The `digest` of ServiceUnavailableError (lib/supabase/outage.ts). Next.js keeps a thrown error's own
 * digest, so the error page can tell "the backend is down, try again" from a bug. A separate file so
 * the client error page does not pull the Supabase client into its bundle.
 */
export const UNAVAILABLE_DIGEST = "SERVICE_UNAVAILABLE";
