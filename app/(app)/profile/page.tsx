import type { Metadata } from "next";
import { cookies } from "next/headers";
import { ProfileOverview } from "@/components/profile/profile-overview";
import { loadProfilePage } from "@/lib/onboarding/load";
import { WELCOME_COOKIE } from "@/lib/onboarding/welcome";
import { getProfileHistory } from "@/lib/profiles/queries";

export const metadata: Metadata = { title: "Your profile" };

export default async function ProfilePage({ searchParams }: { searchParams: Promise<{ welcome?: string }> }) {
  const { supabase, user, profile, completion } = await loadProfilePage("/profile");
  const [history, { welcome }, jar] = await Promise.all([
    getProfileHistory(supabase, user.id),
    searchParams,
    cookies(),
  ]);
  const greet = welcome === "1" && jar.has(WELCOME_COOKIE);
  return <ProfileOverview profile={profile} completion={completion} history={history} welcome={greet} />;
}
