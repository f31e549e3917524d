import { redirect } from "next/navigation";
import { CONFIRMED_PARAM } from "@/lib/auth/confirmed";
import { loadProfilePage } from "@/lib/onboarding/load";
import { firstUnansweredStep, stepHref } from "@/lib/onboarding/steps";

/**
 * Where sign-in lands: a complete profile goes to /profile (finishing the wizard is a one-time
 * moment); otherwise resume at the first step not yet answered.
 */
export default async function OnboardingPage({ searchParams }: { searchParams: Promise<Record<string, unknown>> }) {
  const [{ profile }, params] = await Promise.all([loadProfilePage("/onboarding"), searchParams]);
  // Arriving from the confirmation link: the landing page shows "Email confirmed" once.
  const notice = params[CONFIRMED_PARAM] === "1" ? `?${CONFIRMED_PARAM}=1` : "";
  if (profile.profile_completed) redirect(`/profile${notice}`);
  redirect(`${stepHref(firstUnansweredStep(profile.answered_fields))}${notice}`);
}
