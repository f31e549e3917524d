import { redirect } from "next/navigation";
import { loadProfilePage } from "@/lib/onboarding/load";
import { firstUnansweredStep, stepHref } from "@/lib/onboarding/steps";

/**
 * Where sign-in lands: a complete profile goes to /profile (finishing the wizard is a one-time
 * moment); otherwise resume at the first step not yet answered.
 */
export default async function OnboardingPage() {
  const { profile } = await loadProfilePage("/onboarding");
  if (profile.profile_completed) redirect("/profile");
  redirect(stepHref(firstUnansweredStep(profile.answered_fields)));
}
