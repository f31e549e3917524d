/** The Supabase client type every domain function takes: typed by the generated schema. */
import type { SupabaseClient } from "@supabase/supabase-js";
import type { Database } from "@/lib/database.types";

export type AppSupabase = SupabaseClient<Database>;
