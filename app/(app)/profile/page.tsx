import type { Metadata } from "next";
import { cookies } from "next/headers";
import { summarizeSaves } from "@/components/profile/history-changes";
import { ProfileOverview } from "@/components/profile/profile-overview";
import { loadProfilePage } from "@/lib/onboarding/load";
import { WELCOME_COOKIE } from "@/lib/onboarding/welcome";
import { getProfileSaves } from "@/lib/profiles/history";

export const metadata: Metadata = { title: "Your profile" };

export default async function ProfilePage({ searchParams }: { searchParams: Promise<{ welcome?: string }> }) {
  const { supabase, user, profile, completion } = await loadProfilePage("/profile");
  const [saves, { welcome }, jar] = await Promise.all([getProfileSaves(supabase, user.id), searchParams, cookies()]);
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
