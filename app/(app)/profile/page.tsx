import type { Metadata } from "next";
import { cookies } from "next/headers";
import { summarizeSaves } from "@/components/profile/history-changes";
import { ProfileOverview } from "@/components/profile/profile-overview";
import { loadProfilePage } from "@/lib/onboarding/load";
import { WELCOME_COOKIE } from "@/lib/onboarding/welcome";
import { getProfileSaves } from "@/lib/profiles/history";
import { redirectIfUnavailable } from "@/lib/supabase/unavailable-redirect";

export const metadata: Metadata = { title: "Your profile" };

export default async function ProfilePage({ searchParams }: { searchParams: Promise<{ welcome?: string }> }) {
  const { supabase, user, profile, completion } = await loadProfilePage("/profile");
  const [saves, { welcome }, jar] = await Promise.all([
    getProfileSaves(supabase, user.id).catch((error: unknown) => {
      // The backend may go down between the two reads: the 503 page then, as for the first.
      redirectIfUnavailable(error, "/profile", supabase);
      throw error;
    }),
    searchParams,
    cookies(),
  ]);
  const greet = welcome === "1" && jar.has(WELCOME_COOKIE);
  return (
    <ProfileOverview
      owner={{ fullName: user.fullName, email: user.email }}
      profile={profile}
      completion={completion}
      history={summarizeSaves(profile, saves)}
      welcome={greet}
    />
  );
}
