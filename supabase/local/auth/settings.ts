/**
 * The Auth service's view of `LocalConfig` ([auth] in supabase/config.toml), translated into the
 * GoTrue settings it stands for (the same mapping the Supabase CLI does when it starts GoTrue).
 */
import type { LocalConfig } from "../config.ts";
import { loadCustomTemplates, type CustomTemplates } from "./custom-templates.ts";
import type { EmulatedHooks } from "./hooks.ts";

const LOWER = "abcdefghijklmnopqrstuvwxyz";
const UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
const DIGITS = "0123456789";
const SYMBOLS = "!@#$%^&*()_+-=[]{};'\\:\"|<>?,./`~";

/** config.toml `password_requirements` → GOTRUE_PASSWORD_REQUIRED_CHARACTERS sets. */
export function requiredCharacterSets(requirement: LocalConfig["auth"]["passwordRequirements"]): string[] {
  switch (requirement) {
    case "letters_digits":
      return [LOWER + UPPER, DIGITS];
    case "lower_upper_letters_digits":
      return [LOWER, UPPER, DIGITS];
    case "lower_upper_letters_digits_symbols":
      return [LOWER, UPPER, DIGITS, SYMBOLS];
    default:
      return [];
  }
}

export interface AuthSettings {
  /** `${apiUrl}/auth/v1`: JWT issuer and the base of email links. */
  externalUrl: string;
  siteUrl: string;
  redirectAllowList: string[];
  jwtExpiry: number;
  disableSignup: boolean;
  /** GOTRUE_EXTERNAL_ANONYMOUS_USERS_ENABLED = enable_anonymous_sign_ins */
  anonymousSignIns: boolean;
  emailProviderEnabled: boolean;
  /** GOTRUE_MAILER_AUTOCONFIRM = !enable_confirmations */
  autoconfirm: boolean;
  secureEmailChange: boolean;
  requireReauthForPasswordChange: boolean;
  rotationEnabled: boolean;
  reuseIntervalSeconds: number;
  password: { minLength: number; requiredCharacters: string[] };
  mail: {
    maxFrequencySeconds: number;
    otpLength: number;
    otpExpirySeconds: number;
    smtpEnabled: boolean;
    /** `[auth.email.template.*]`, read and checked at start. */
    templates: CustomTemplates;
  };
  /** GOTRUE_SECURITY_SB_FORWARDED_FOR_ENABLED: the client IP may come from `Sb-Forwarded-For`. */
  sbForwardedForEnabled: boolean;
  /**
   * Per client IP. `emailSent` (only enforced with custom SMTP) and `anonymousUsers` per hour, the rest
   * per 5 minutes.
   */
  rateLimit: {
    emailSent: number;
    anonymousUsers: number;
    tokenRefresh: number;
    signInSignUps: number;
    tokenVerifications: number;
    /** Per minute each (GOTRUE_MFA_RATE_LIMIT_CHALLENGE_AND_VERIFY: 15 a minute after a burst of 30). */
    mfaChallenge: number;
    mfaVerify: number;
  };
  /** PKCE flow states live this long (GoTrue's FlowStateExpiryDuration). */
  flowStateExpirySeconds: number;
  mfa: MfaSettings;
  /** `[auth.hook.*]`: the Postgres functions GoTrue calls (custom access token, before user created, attempts). */
  hooks: EmulatedHooks;
}

/** GOTRUE_MFA_*: `[auth.mfa]` keys plus GoTrue's defaults for the rest. */
export interface MfaSettings {
  maxEnrolledFactors: number;
  maxVerifiedFactors: number;
  totpEnrollEnabled: boolean;
  totpVerifyEnabled: boolean;
  challengeExpirySeconds: number;
  /** Unverified, never-challenged factors older than this are deleted at the next enrollment. */
  factorExpirySeconds: number;
}

export function authSettings(config: LocalConfig, apiUrl: string): AuthSettings {
  const auth = config.auth;
  return {
    externalUrl: `${apiUrl.replace(/\/+$/, "")}/auth/v1`,
    siteUrl: auth.siteUrl,
    redirectAllowList: auth.additionalRedirectUrls,
    jwtExpiry: auth.jwtExpiry,
    disableSignup: !auth.enableSignup,
    anonymousSignIns: auth.enableAnonymousSignIns,
    emailProviderEnabled: auth.email.enableSignup,
    autoconfirm: !auth.email.enableConfirmations,
    secureEmailChange: auth.email.doubleConfirmChanges,
    requireReauthForPasswordChange: auth.email.securePasswordChange,
    rotationEnabled: auth.enableRefreshTokenRotation,
    reuseIntervalSeconds: auth.refreshTokenReuseInterval,
    password: {
      minLength: auth.minimumPasswordLength,
      requiredCharacters: requiredCharacterSets(auth.passwordRequirements),
    },
    mail: {
      maxFrequencySeconds: auth.email.maxFrequency,
      otpLength: auth.email.otpLength,
      otpExpirySeconds: auth.email.otpExpiry,
      smtpEnabled: auth.email.smtpEnabled,
      templates: loadCustomTemplates(auth.email.templates),
    },
    sbForwardedForEnabled: auth.sbForwardedForEnabled,
    rateLimit: {
      emailSent: auth.rateLimit.emailSent,
      anonymousUsers: auth.rateLimit.anonymousUsers,
      tokenRefresh: auth.rateLimit.tokenRefresh,
      signInSignUps: auth.rateLimit.signInSignUps,
      tokenVerifications: auth.rateLimit.tokenVerifications,
      mfaChallenge: 30,
      mfaVerify: 30,
    },
    flowStateExpirySeconds: 300,
    mfa: {
      ...auth.mfa,
      maxVerifiedFactors: 10,
      challengeExpirySeconds: 300,
      factorExpirySeconds: 300,
    },
    hooks: auth.hooks,
  };
}
