/**
 * The account page's two-factor block: what it is, how to recover, and either the setup (off) or
 * the factor with the form that turns it off (on).
 */
import type { TotpFactor } from "@/lib/auth/two-factor";
import { AccountSection } from "./account-section";
import { TurnOffTwoFactorForm } from "./turn-off-two-factor-form";
import { TwoFactorSetup } from "./two-factor-setup";

const DATE = new Intl.DateTimeFormat("en-US", { dateStyle: "long", timeZone: "UTC" });

export function TwoFactorSection({ factor }: { factor: TotpFactor | null }) {
  return (
    <AccountSection
      id="two-factor"
      title="Two-factor sign-in"
      description={
        <>
          <p>
            With two-factor on, signing in needs your password and a 6-digit code from an authenticator app on your
            phone, so a leaked password alone does not open your profile.
          </p>
          <p>
            Lost your phone? Add your saved setup key to an authenticator app on a new one. Without the key, contact us
            to remove two-factor after we confirm it is you.
          </p>
        </>
      }
    >
      {factor ? (
        <div className="space-y-4">
          <p className="text-sm text-ink">
            <span className="font-semibold text-success-700">On</span> · {factor.friendlyName ?? "Authenticator app"},
            added {DATE.format(new Date(factor.createdAt))}
          </p>
          <TurnOffTwoFactorForm factorId={factor.id} />
        </div>
      ) : (
        <TwoFactorSetup />
      )}
    </AccountSection>
  );
}
