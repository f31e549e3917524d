/**
 * The service-role client: bypasses RLS. Server only (the key is read from a server-only variable and
 * is never inlined into the browser bundle). Use it for admin work and the profile-creation fallback,
 * never for anything a request's user could steer without an explicit check.
 */
import { createClient } from "@supabase/supabase-js";
import type { Database } from "@/lib/database.types";
import { serverEnv } from "@/lib/env";

export function createAdminClient() {
  if (typeof window !== "undefined") throw new Error("createAdminClient() is server only");
  const { supabaseUrl, serviceRoleKey } = serverEnv();
  return createClient<Database>(supabaseUrl, serviceRoleKey, {
    auth: { autoRefreshToken: false, persistSession: false, detectSessionInUrl: false },
  });
}

export type AdminSupabase = ReturnType<typeof createAdminClient>;
