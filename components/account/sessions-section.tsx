/** The account page's list of sign-in sessions and the button that ends all but this one. */
import type { AccountSession } from "@/lib/account/sessions";
import { AccountSection } from "./account-section";
import { SignOutOthersForm } from "./sign-out-others-form";

const WHEN = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
const when = (iso: string) => `${WHEN.format(new Date(iso))} UTC`;

export function SessionsSection({ sessions }: { sessions: AccountSession[] }) {
  const others = sessions.filter((session) => !session.current);
  return (
    <AccountSection
      id="sessions"
      title="Signed-in devices"
      description={
        <p>
          Every browser or device you signed in with keeps a session until you sign out there. Signing out of the others
          ends each session below except this one; those devices need your password again.
        </p>
      }
    >
      <div className="space-y-4">
        <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 text-sm" aria-label="Sessions">
          {sessions.map((session) => (
            <li key={session.id} className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 px-4 py-3">
              <span className="font-medium text-ink">
                {session.current ? "This device" : "Other device"}
                {session.twoFactor && <span className="font-normal text-ink-muted"> · with code</span>}
              </span>
              <span className="text-ink-muted">
                Signed in {when(session.signedInAt)} · active {when(session.lastActiveAt)}
              </span>
            </li>
          ))}
        </ul>
        <SignOutOthersForm others={others.length} />
      </div>
    </AccountSection>
  );
}
