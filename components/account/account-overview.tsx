/**
 * The /account page body: who you are, your data (download), email, password, and deleting the
 * account. Server component; the forms inside are client components posting to server actions.
 */
import { buttonClasses } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { AccountSection } from "./account-section";
import { ChangeEmailForm } from "./change-email-form";
import { ChangeNameForm } from "./change-name-form";
import { ChangePasswordForm } from "./change-password-form";
import { DeleteAccountForm } from "./delete-account-form";
import { SessionsSection } from "./sessions-section";
import { TwoFactorSection } from "./two-factor-section";
import type { AccountSecurity } from "@/lib/account/security";

export interface AccountSummary {
  fullName: string | null;
  email: string | null;
  newEmailPending: string | null;
  memberSince: string;
}

const DATE = new Intl.DateTimeFormat("en-US", { dateStyle: "long", timeZone: "UTC" });

export function AccountOverview({ account, security }: { account: AccountSummary; security: AccountSecurity }) {
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-3xl font-semibold tracking-tight text-ink">Account</h1>
        <p className="mt-1 text-sm text-ink-muted">
          Signed in as <span className="font-medium text-ink">{account.fullName ?? account.email}</span>
          {account.fullName && <> ({account.email})</>} · member since {DATE.format(new Date(account.memberSince))}
        </p>
      </header>

      <AccountSection
        id="name"
        title="Your name"
        description={<p>Shown at the top of every page, on your profile and in your data download.</p>}
      >
        <ChangeNameForm fullName={account.fullName} />
      </AccountSection>

      <AccountSection
        id="data"
        title="Your data"
        description={
          <p>
            Everything we store about you in one JSON file: your account details (never your password), your profile,
            how complete it is, and every change made to it.
          </p>
        }
      >
        <a href="/account/export" download className={buttonClasses("primary")}>
          <svg aria-hidden viewBox="0 0 20 20" className="size-4 fill-current">
            <path d="M10 2a1 1 0 0 1 1 1v8.59l2.3-2.3a1 1 0 1 1 1.4 1.42l-4 4a1 1 0 0 1-1.4 0l-4-4a1 1 0 1 1 1.4-1.42L9 11.6V3a1 1 0 0 1 1-1Zm-7 14a1 1 0 0 1 1-1h12a1 1 0 1 1 0 2H4a1 1 0 0 1-1-1Z" />
          </svg>
          Download my data
        </a>
      </AccountSection>

      <AccountSection
        id="email"
        title="Email address"
        description={
          <p>
            We send a link to the new address and one to your current address. The change happens once both are opened;
            until then you keep signing in with <span className="font-medium text-ink">{account.email}</span>.
          </p>
        }
      >
        <div className="space-y-4">
          {account.newEmailPending && (
            <Alert tone="info">
              Changing to <strong className="break-all">{account.newEmailPending}</strong>: waiting until the links we
              sent to both addresses are opened.
            </Alert>
          )}
          <ChangeEmailForm />
        </div>
      </AccountSection>

      <AccountSection
        id="password"
        title="Password"
        description={<p>Enter your current password to choose a new one. Other devices are signed out afterwards.</p>}
      >
        <ChangePasswordForm email={account.email} />
      </AccountSection>

      <TwoFactorSection factor={security.factor} />

      <SessionsSection sessions={security.sessions} />

      <AccountSection
        id="delete"
        title="Delete account"
        tone="danger"
        description={
          <>
            <p>Your account, your profile and its history are deleted at once and for good.</p>
            <p>Download your data first if you want to keep a copy.</p>
          </>
        }
      >
        <DeleteAccountForm email={account.email} />
      </AccountSection>
    </div>
  );
}
