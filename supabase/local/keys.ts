/**
 * The Supabase CLI's well-known local development keys. They are public by design:
 * anything written for `supabase start` must work unchanged against this stack.
 */
export const LOCAL_JWT_SECRET = "super-secret-jwt-token-with-at-least-32-characters-long";

export const LOCAL_ANON_KEY =
  "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZS1kZW1vIiwicm9sZSI6ImFub24iLCJleHAiOjE5ODM4MTI5OTZ9.CRXP1A7WOeoJeXxjNni43kdQwgnWNReilDMblYTn_I0";

export const LOCAL_SERVICE_ROLE_KEY =
  "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZS1kZW1vIiwicm9sZSI6InNlcnZpY2Vfcm9sZSIsImV4cCI6MTk4MzgxMjk5Nn0.EGIM96RAZx35lJzdJsyH-qQwv8Hdp7fsn3W0YpN81IU";

export const LOCAL_PUBLISHABLE_KEY = "sb_publishable_ACJWlzQHlZjBrEguHvfOxg_3BJgxAaH";
export const LOCAL_SECRET_KEY = "sb_secret_N7UND0UgjKTVK-Uodkm0Hg_xSvEMPvz";

/**
 * The gateway's Authorization rewrite: derive the JWT the services verify from the
 * `apikey` and `Authorization` headers. Returns null when the request carries no usable key at all.
 */
export function effectiveBearer(apikey: string | undefined, authorization: string | undefined): string | null {
  if (authorization && /^bearer /i.test(authorization) && !/^bearer sb_/i.test(authorization)) {
    return authorization.slice(7).trim();
  }
  if (apikey === LOCAL_SECRET_KEY) return LOCAL_SERVICE_ROLE_KEY;
  if (apikey === LOCAL_PUBLISHABLE_KEY) return LOCAL_ANON_KEY;
  if (apikey && !apikey.startsWith("sb_")) return apikey;
  return null;
}
