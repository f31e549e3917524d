/**
 * Server-side loading for the wizard and the profile page: verifies the user (never trusting the
 * middleware alone), reads the profile and its completion status, and ensures a profile exists for
 * users created before the signup trigger (with the service role, for the verified user id only).
 */
import { redirect } from "next/navigation";
import { createProfileAutomatically } from "@/lib/profiles/create-profile";
import { getProfileWithCompletion, ProfileReadError, type CompletionStatus } from "@/lib/profiles/queries";
import type { Profile, ProfileWithCompletion } from "@/lib/profiles/row";
import { createAdminClient } from "@/lib/supabase/admin";
import { createClient, getSessionUser, type ServerSupabase, type SessionUser } from "@/lib/supabase/server";
import { redirectIfUnavailable } from "@/lib/supabase/unavailable-redirect";

export interface ProfilePageData {
  user: SessionUser;
  supabase: ServerSupabase;
  profile: Profile;
  completion: CompletionStatus;
}

export async function loadProfilePage(path: string): Promise<ProfilePageData> {
  const supabase = await createClient();
  try {
    return await loadFor(path, supabase);
  } catch (error) {
    redirectIfUnavailable(error, path, supabase);
    throw error;
  }
}

async function loadFor(path: string, supabase: ServerSupabase): Promise<ProfilePageData> {
  const user = await getSessionUser();
  if (!user) redirect(`/login?next=${encodeURIComponent(path)}`);

  // One round trip for the row and its completion; most pages find the profile on the first try.
  let read: ProfileWithCompletion | null = await getProfileWithCompletion(supabase, user.id);
  if (!read) {
    const ensured = await createProfileAutomatically(createAdminClient(), user.id);
    if (!ensured.ok) throw new ProfileReadError(ensured.referenceId ?? "none");
    read = await getProfileWithCompletion(supabase, user.id);
  }
  if (!read) throw new ProfileReadError("missing");
  const { profile, ...completion } = read;
  return { user, supabase, profile, completion };
}
