/**
 * Per-client-IP request limits, as GoTrue applies them behind the CLI:
 * `sign_in_sign_ups` guards signup/recover/resend/otp/PUT user, `token_refresh` guards /token,
 * `token_verifications` guards /verify (each per 5 minutes), `anonymous_users` counts anonymous
 * sign-ins per hour, `email_sent` counts mails per hour and is only enforced when custom SMTP is
 * configured; `mfa_challenge` / `mfa_verify` guard the factor challenge and verify endpoints per minute.
 * Fixed windows keep it simple and deterministic.
 */
import { AuthError } from "./errors.ts";

export type LimitName =
  | "signInSignUps"
  | "tokenRefresh"
  | "tokenVerifications"
  | "emailSent"
  | "anonymousUsers"
  | "mfaChallenge"
  | "mfaVerify";

const WINDOW_MS: Record<LimitName, number> = {
  signInSignUps: 5 * 60_000,
  tokenRefresh: 5 * 60_000,
  tokenVerifications: 5 * 60_000,
  emailSent: 60 * 60_000,
  anonymousUsers: 60 * 60_000,
  mfaChallenge: 60_000,
  mfaVerify: 60_000,
};

export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly limits: Record<LimitName, number>,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one event; throws GoTrue's 429 when the window is full. */
  take(name: LimitName, ip: string): void {
    const limit = this.limits[name];
    const key = `${name}|${ip}`;
    const now = this.now();
    let window = this.windows.get(key);
    if (!window || now - window.start >= WINDOW_MS[name]) {
      window = { start: now, count: 0 };
      this.windows.set(key, window);
    }
    if (window.count >= limit) {
      throw name === "emailSent"
        ? new AuthError(429, "over_email_send_rate_limit", "email rate limit exceeded")
        : new AuthError(429, "over_request_rate_limit", "Request rate limit reached");
    }
    window.count += 1;
  }
}
