/**
 * The Auth service's view of `LocalConfig` ([auth] in supabase/config.toml), translated into the
 * GoTrue settings it stands for (the same mapping the Supabase CLI does when it starts GoTrue).
 */
import type { LocalConfig } from "../config.ts";
import { loadCustomTemplates, type CustomTemplates } from "./custom-templates.ts";

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
  /** Per client IP. `emailSent` per hour (only enforced with custom SMTP), the rest per 5 minutes. */
  rateLimit: { emailSent: number; tokenRefresh: number; signInSignUps: number; tokenVerifications: number };
  /** PKCE flow states live this long (GoTrue's FlowStateExpiryDuration). */
  flowStateExpirySeconds: number;
}

export function authSettings(config: LocalConfig, apiUrl: string): AuthSettings {
  const auth = config.auth;
  return {
    externalUrl: `${apiUrl.replace(/\/+$/, "")}/auth/v1`,
    siteUrl: auth.siteUrl,
    redirectAllowList: auth.additionalRedirectUrls,
    jwtExpiry: auth.jwtExpiry,
    disableSignup: !auth.enableSignup,
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
    rateLimit: {
      emailSent: auth.rateLimit.emailSent,
      tokenRefresh: auth.rateLimit.tokenRefresh,
      signInSignUps: auth.rateLimit.signInSignUps,
      tokenVerifications: auth.rateLimit.tokenVerifications,
    },
    flowStateExpirySeconds: 300,
  };
}
