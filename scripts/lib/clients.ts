/**
 * Supabase clients for the operations scripts. The app creates its clients only in lib/supabase/
 * (from the app's env); these CLI tools instead target whatever project their flags name (the local
 * stack, a hosted project), so they build plain, session-less supabase-js clients from an ApiTarget.
 */
import { createClient, type SupabaseClient } from "@supabase/supabase-js";
import type { Database } from "@/lib/database.types";
import type { ApiTarget } from "./targets";

const NO_SESSION = { autoRefreshToken: false, persistSession: false, detectSessionInUrl: false } as const;

/** Service-role client: Auth admin API and RLS-bypassing reads/writes. */
export function serviceClient(target: ApiTarget): SupabaseClient<Database> {
  return createClient<Database>(target.url, target.serviceRoleKey, { auth: NO_SESSION });
}

/** Anon-key client that can hold one signed-in user's session in memory (RLS applies). */
export function userClient(target: ApiTarget): SupabaseClient<Database> {
  return createClient<Database>(target.url, target.anonKey, {
    auth: { ...NO_SESSION, persistSession: true, storage: memoryStorage() },
  });
}

function memoryStorage() {
  const items = new Map<string, string>();
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
  };
}
