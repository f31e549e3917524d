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
 * The Authorization header the services receive, as the Supabase CLI's Kong rewrites it: the caller's
 * own header passes unless it starts with `Bearer sb_`; else the secret and publishable keys become
 * `Bearer <service_role JWT>` / `Bearer <anon JWT>`; else the apikey is copied as it is, without a
 * `Bearer` scheme. So a legacy JWT apikey with no Authorization header carries no token: GoTrue
 * answers 401 on endpoints that need one, PostgREST runs the request as anon. Kong's rewrite reads the
 * `apikey` header only: a key sent as `?apikey=` passes the key check but maps to no token.
 * Each service reads the token out of this header by its own rule (`rest/auth.ts`, `auth/request-auth.ts`).
 */
export function forwardedAuthorization(
  apikeyHeader: string | undefined,
  authorization: string | undefined,
): string | null {
  // An empty header is Lua's "": present and truthy, so it passes.
  if (authorization !== undefined && !authorization.startsWith("Bearer sb_")) return authorization;
  if (apikeyHeader === LOCAL_SECRET_KEY) return `Bearer ${LOCAL_SERVICE_ROLE_KEY}`;
  if (apikeyHeader === LOCAL_PUBLISHABLE_KEY) return `Bearer ${LOCAL_ANON_KEY}`;
  return apikeyHeader ?? null;
}
