/**
 * The profile page: whose profile it is, completion with links to what is missing, the editable
 * sections, and the history. On phones the order is completion, sections, history (the history can
 * grow long and must not push the profile down); from `lg` completion and history share a side column.
 */
import { Alert } from "@/components/ui/alert";
import type { CompletionStatus } from "@/lib/profiles/queries";
import type { Profile } from "@/lib/profiles/row";
import { CompletionCard } from "./completion-card";
import { ForgetWelcome } from "./forget-welcome";
import type { SaveSummary } from "./history-changes";
import { ProfileHistory } from "./profile-history";
import { ProfileSections } from "./profile-sections";

interface ProfileOverviewProps {
  owner: { fullName: string | null; email: string | null };
  profile: Profile;
  completion: CompletionStatus;
  history: SaveSummary[];
  welcome: boolean;
}

export function ProfileOverview({ owner, profile, completion, history, welcome }: ProfileOverviewProps) {
  return (
    <main id="main" className="mx-auto w-full max-w-5xl px-4 py-8 sm:px-6 sm:py-12">
      <h1 className="text-2xl font-semibold tracking-tight text-ink sm:text-3xl">Your profile</h1>
      {owner.fullName && (
        <p className="mt-2 text-lg font-medium text-ink [overflow-wrap:anywhere]" data-testid="profile-owner">
          {owner.fullName}
        </p>
      )}
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
      <div className="mt-8 grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_20rem] lg:grid-rows-[auto_1fr]">
        <div className="lg:col-start-2 lg:row-start-1">
          <CompletionCard completion={completion} />
        </div>
        <div className="min-w-0 lg:col-start-1 lg:row-span-2 lg:row-start-1">
          <ProfileSections profile={profile} />
        </div>
        <div className="lg:col-start-2 lg:row-start-2">
          <ProfileHistory saves={history} />
        </div>
      </div>
    </main>
  );
}
