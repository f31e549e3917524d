/**
 * The browser Supabase client (cookie-backed session, PKCE). A singleton in the browser, so calling
 * this from several components is cheap. Only `lib/supabase/` creates clients.
 */
import { createBrowserClient } from "@supabase/ssr";
import type { Database } from "@/lib/database.types";
import { publicEnv } from "@/lib/env";

export function createClient() {
  const { supabaseUrl, supabaseKey } = publicEnv();
  return createBrowserClient<Database>(supabaseUrl, supabaseKey);
}
