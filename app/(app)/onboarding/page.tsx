import { redirect } from "next/navigation";
import { loadProfilePage } from "@/lib/onboarding/load";
import { firstUnansweredStep, stepHref } from "@/lib/onboarding/steps";

/** Resume: the first step not yet answered, wherever the person answered the others. */
export default async function OnboardingPage() {
  const { profile } = await loadProfilePage("/onboarding");
  redirect(stepHref(firstUnansweredStep(profile.answered_fields)));
}
