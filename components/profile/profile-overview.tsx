/** The profile page: completion with links to what is missing, the editable sections, the history. */
import { Alert } from "@/components/ui/alert";
import type { CompletionStatus, HistoryEntry } from "@/lib/profiles/queries";
import type { Profile } from "@/lib/profiles/row";
import { CompletionCard } from "./completion-card";
import { ForgetWelcome } from "./forget-welcome";
import { ProfileHistory } from "./profile-history";
import { ProfileSections } from "./profile-sections";

interface ProfileOverviewProps {
  profile: Profile;
  completion: CompletionStatus;
  history: HistoryEntry[];
  welcome: boolean;
}

export function ProfileOverview({ profile, completion, history, welcome }: ProfileOverviewProps) {
  return (
    <main id="main" className="mx-auto w-full max-w-5xl px-4 py-8 sm:px-6 sm:py-12">
      <h1 className="text-2xl font-semibold tracking-tight text-ink sm:text-3xl">Your profile</h1>
      <p className="mt-1 text-sm text-ink-muted">Everything you told us, in one place. Edit any section in place.</p>
      {welcome && (
        <div className="mt-6">
          <ForgetWelcome />
          <Alert tone="success">
            {completion.completionPercentage === 100
              ? "You are all set — your profile is complete."
              : "Your answers are saved. The optional questions below take your profile to 100 %."}
          </Alert>
        </div>
      )}
      <div className="mt-8 grid items-start gap-6 lg:grid-cols-[1fr_20rem]">
        <div className="space-y-6 lg:sticky lg:top-6 lg:order-last">
          <CompletionCard completion={completion} />
          <ProfileHistory entries={history} />
        </div>
        <ProfileSections profile={profile} />
      </div>
    </main>
  );
}
