import type { Metadata } from "next";
import { ProfileOverview } from "@/components/profile/profile-overview";
import { loadProfilePage } from "@/lib/onboarding/load";
import { getProfileHistory } from "@/lib/profiles/queries";

export const metadata: Metadata = { title: "Your profile" };

export default async function ProfilePage({ searchParams }: { searchParams: Promise<{ welcome?: string }> }) {
  const { supabase, user, profile, completion } = await loadProfilePage("/profile");
  const [history, { welcome }] = await Promise.all([getProfileHistory(supabase, user.id), searchParams]);
  return <ProfileOverview profile={profile} completion={completion} history={history} welcome={welcome === "1"} />;
}
