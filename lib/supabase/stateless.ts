/**
 * A client that keeps its session in memory only and writes no cookie: for an Auth call whose session
 * must not reach the browser (confirming an address from a server-side link, where signing the browser
 * in would let anyone's link sign a stranger's browser into their account).
 */
import { createClient } from "@supabase/supabase-js";
import type { Database } from "@/lib/database.types";
import { publicEnv } from "@/lib/env";

export function createStatelessClient() {
  const { supabaseUrl, supabaseKey } = publicEnv();
  return createClient<Database>(supabaseUrl, supabaseKey, {
    auth: { autoRefreshToken: false, persistSession: false, detectSessionInUrl: false },
  });
}
