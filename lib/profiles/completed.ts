/**
 * Whether the signed-in person's profile is complete (the database sets `profile_completed` once the
 * required fields are answered), for the navigation. A failed read answers "not complete": the
 * navigation then keeps the Onboarding tab, which is harmless; pages read the profile themselves and
 * report errors there.
 */
import { cache } from "react";
import { createClient } from "@/lib/supabase/server";

export const isProfileComplete = cache(async (userId: string): Promise<boolean> => {
  const supabase = await createClient();
  const { data, error } = await supabase
    .from("user_profiles")
    .select("profile_completed")
    .eq("user_id", userId)
    .maybeSingle();
  return !error && data?.profile_completed === true;
});
