/**
 * Reads `supabase/config.toml` (the Supabase CLI's format) into the typed `LocalConfig` every part of
 * the local stack uses. Tests and benchmarks change behaviour only through data: an overlay TOML file
 * named by SUPABASE_CONFIG_OVERLAY (merged over the base file) and the port / state-dir env overrides.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parse as parseToml } from "smol-toml";
import { z } from "zod";
import { emulatedHooks, type EmulatedHooks } from "./auth/hooks";
import { parseDurationSeconds } from "./duration";

const port = z.number().int().min(1).max(65535);
const count = z.number().int().min(0);
const duration = z.union([z.string(), z.number()]).transform((value, ctx) => {
  try {
    return typeof value === "number" ? value : parseDurationSeconds(value);
  } catch (error) {
    ctx.addIssue({ code: "custom", message: (error as Error).message });
    return z.NEVER;
  }
});

const passwordRequirements = z.enum([
  "",
  "letters_digits",
  "lower_upper_letters_digits",
  "lower_upper_letters_digits_symbols",
]);

// Defaults are the Supabase CLI's, except where this project's config.toml states otherwise.
const tomlSchema = z.object({
  project_id: z.string().default("autoprofile"),
  api: z
    .object({
      port: port.default(54321),
      schemas: z.array(z.string()).default(["public", "graphql_public"]),
      extra_search_path: z.array(z.string()).default(["public", "extensions"]),
      max_rows: count.default(1000),
    })
    .prefault({}),
  db: z.object({ port: port.default(54322), major_version: z.number().int().default(17) }).prefault({}),
  inbucket: z.object({ port: port.default(54324) }).prefault({}),
  auth: z
    .object({
      site_url: z.string().default("http://127.0.0.1:3000"),
      additional_redirect_urls: z.array(z.string()).default([]),
      jwt_expiry: z.number().int().min(30).max(604800).default(3600),
      signing_keys_path: z.string().optional(),
      enable_signup: z.boolean().default(true),
      enable_anonymous_sign_ins: z.boolean().default(false),
      enable_refresh_token_rotation: z.boolean().default(true),
      refresh_token_reuse_interval: count.default(10),
      minimum_password_length: z.number().int().min(6).default(6),
      password_requirements: passwordRequirements.default(""),
      sb_forwarded_for_enabled: z.boolean().default(false),
      rate_limit: z
        .object({
          email_sent: count.default(2),
          sms_sent: count.default(30),
          anonymous_users: count.default(30),
          token_refresh: count.default(150),
          sign_in_sign_ups: count.default(30),
          token_verifications: count.default(30),
          web3: count.default(30),
        })
        .prefault({}),
      email: z
        .object({
          enable_signup: z.boolean().default(true),
          enable_confirmations: z.boolean().default(false),
          double_confirm_changes: z.boolean().default(true),
          secure_password_change: z.boolean().default(false),
          max_frequency: duration.default(1),
          otp_length: z.number().int().min(6).max(10).default(6),
          otp_expiry: count.default(3600),
          smtp: z.object({ enabled: z.boolean().default(false) }).prefault({}),
          // [auth.email.template.<kind>]: subject and content_path (relative to the project root), as the CLI reads them.
          template: z
            .record(z.string(), z.object({ subject: z.string().optional(), content_path: z.string().optional() }))
            .default({}),
        })
        .prefault({}),
      // [auth.hook.<name>]: enabled + uri (+ secrets, for HTTP hooks).
      hook: z
        .record(
          z.string(),
          z.object({
            enabled: z.boolean().default(false),
            uri: z.string().default(""),
            secrets: z.string().optional(),
          }),
        )
        .default({}),
      // The CLI's template ships TOTP switched off; this project's config.toml turns it on.
      mfa: z
        .object({
          max_enrolled_factors: z.number().int().min(1).default(10),
          totp: z
            .object({ enroll_enabled: z.boolean().default(false), verify_enabled: z.boolean().default(false) })
            .prefault({}),
        })
        .prefault({}),
    })
    .prefault({}),
});

type TomlConfig = z.infer<typeof tomlSchema>;

export interface LocalConfig {
  projectId: string;
  api: { port: number; schemas: string[]; extraSearchPath: string[]; maxRows: number };
  db: { port: number; majorVersion: number };
  inbucket: { port: number };
  auth: {
    siteUrl: string;
    additionalRedirectUrls: string[];
    /** Access-token lifetime, seconds. */
    jwtExpiry: number;
    /** Absolute path of the JWT signing keys (a JSON array of JWKs), or null for HS256 only. */
    signingKeysPath: string | null;
    enableSignup: boolean;
    enableAnonymousSignIns: boolean;
    enableRefreshTokenRotation: boolean;
    /** Seconds a rotated refresh token may still be replayed. */
    refreshTokenReuseInterval: number;
    minimumPasswordLength: number;
    passwordRequirements: z.infer<typeof passwordRequirements>;
    /** GoTrue's security.sb_forwarded_for_enabled: rate-limit by `Sb-Forwarded-For` (hosted: IP address forwarding). */
    sbForwardedForEnabled: boolean;
    /** Per client IP; email/SMS per hour, the others per 5 minutes (as GoTrue counts them). */
    rateLimit: {
      emailSent: number;
      smsSent: number;
      anonymousUsers: number;
      tokenRefresh: number;
      signInSignUps: number;
      tokenVerifications: number;
      web3: number;
    };
    email: {
      enableSignup: boolean;
      enableConfirmations: boolean;
      doubleConfirmChanges: boolean;
      securePasswordChange: boolean;
      /** Seconds between two mails to one address. */
      maxFrequency: number;
      otpLength: number;
      otpExpiry: number;
      /** Custom SMTP configured; the CLI applies the email_sent limit only then. */
      smtpEnabled: boolean;
      /** `[auth.email.template.<kind>]`: custom subject and absolute path of the HTML body. */
      templates: Record<string, { subject?: string; contentPath?: string }>;
    };
    mfa: { maxEnrolledFactors: number; totpEnrollEnabled: boolean; totpVerifyEnabled: boolean };
    /** The enabled `[auth.hook.<name>]` entries this stack runs (it refuses to start with others). */
    hooks: EmulatedHooks;
  };
  /** Absolute path of the state directory (Postgres data, pid and log files). */
  stateDir: string;
  /** Absolute path of the repository root (parent of `supabase/`). */
  rootDir: string;
}

export type ConfigEnv = Partial<Record<string, string>>;

/** Merges `overlay` into `base` table by table; arrays and scalars are replaced. */
export function mergeToml(base: Record<string, unknown>, overlay: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(overlay)) {
    const current = out[key];
    out[key] = isTable(current) && isTable(value) ? mergeToml(current, value) : value;
  }
  return out;
}

function isTable(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

function envPort(env: ConfigEnv, name: string): number | undefined {
  const raw = env[name];
  if (raw === undefined || raw === "") return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 65535)
    throw new Error(`${name} must be a port number, got "${raw}"`);
  return value;
}

/** Pure: TOML texts + env → LocalConfig. Throws an Error naming the bad key on invalid input. */
export function parseConfig(
  baseToml: string,
  overlayToml: string | null,
  env: ConfigEnv,
  rootDir: string,
): LocalConfig {
  let raw = parseToml(baseToml) as Record<string, unknown>;
  if (overlayToml !== null) raw = mergeToml(raw, parseToml(overlayToml) as Record<string, unknown>);
  const result = tomlSchema.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new Error(`invalid supabase config: ${issue?.path.join(".") ?? "?"}: ${issue?.message ?? "invalid"}`);
  }
  return toLocalConfig(result.data, env, rootDir);
}

function toLocalConfig(toml: TomlConfig, env: ConfigEnv, rootDir: string): LocalConfig {
  const { api, db, inbucket, auth } = toml;
  const stateDir = env.SUPABASE_LOCAL_DIR
    ? path.resolve(env.SUPABASE_LOCAL_DIR)
    : path.join(rootDir, "supabase", ".local");
  return {
    projectId: toml.project_id,
    api: {
      port: envPort(env, "SUPABASE_API_PORT") ?? api.port,
      schemas: api.schemas,
      extraSearchPath: api.extra_search_path,
      maxRows: api.max_rows,
    },
    db: { port: envPort(env, "SUPABASE_DB_PORT") ?? db.port, majorVersion: db.major_version },
    inbucket: { port: envPort(env, "SUPABASE_INBUCKET_PORT") ?? inbucket.port },
    auth: {
      siteUrl: auth.site_url,
      additionalRedirectUrls: auth.additional_redirect_urls,
      jwtExpiry: auth.jwt_expiry,
      // Relative to supabase/, as the CLI resolves it.
      signingKeysPath: auth.signing_keys_path ? path.resolve(rootDir, "supabase", auth.signing_keys_path) : null,
      enableSignup: auth.enable_signup,
      enableAnonymousSignIns: auth.enable_anonymous_sign_ins,
      enableRefreshTokenRotation: auth.enable_refresh_token_rotation,
      refreshTokenReuseInterval: auth.refresh_token_reuse_interval,
      minimumPasswordLength: auth.minimum_password_length,
      passwordRequirements: auth.password_requirements,
      sbForwardedForEnabled: auth.sb_forwarded_for_enabled,
      rateLimit: {
        emailSent: auth.rate_limit.email_sent,
        smsSent: auth.rate_limit.sms_sent,
        anonymousUsers: auth.rate_limit.anonymous_users,
        tokenRefresh: auth.rate_limit.token_refresh,
        signInSignUps: auth.rate_limit.sign_in_sign_ups,
        tokenVerifications: auth.rate_limit.token_verifications,
        web3: auth.rate_limit.web3,
      },
      email: {
        enableSignup: auth.email.enable_signup,
        enableConfirmations: auth.email.enable_confirmations,
        doubleConfirmChanges: auth.email.double_confirm_changes,
        securePasswordChange: auth.email.secure_password_change,
        maxFrequency: auth.email.max_frequency,
        otpLength: auth.email.otp_length,
        otpExpiry: auth.email.otp_expiry,
        smtpEnabled: auth.email.smtp.enabled,
        templates: Object.fromEntries(
          Object.entries(auth.email.template).map(([kind, template]) => [
            kind,
            {
              // Empty means "GoTrue's default", as the CLI treats it.
              ...(template.subject ? { subject: template.subject } : {}),
              ...(template.content_path ? { contentPath: path.resolve(rootDir, template.content_path) } : {}),
            },
          ]),
        ),
      },
      mfa: {
        maxEnrolledFactors: auth.mfa.max_enrolled_factors,
        totpEnrollEnabled: auth.mfa.totp.enroll_enabled,
        totpVerifyEnabled: auth.mfa.totp.verify_enabled,
      },
      hooks: emulatedHooks(
        Object.fromEntries(
          Object.entries(auth.hook)
            .filter(([, hook]) => hook.enabled)
            .map(([name, hook]) => [name, hook.uri]),
        ),
      ),
    },
    stateDir,
    rootDir,
  };
}

/** The repository root, found from this file's location (supabase/local/config.ts). */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

/** Reads supabase/config.toml (+ overlay) from disk and applies env overrides (default: process.env). */
export function loadConfig(env: ConfigEnv = process.env, rootDir: string = REPO_ROOT): LocalConfig {
  const basePath = path.join(rootDir, "supabase", "config.toml");
  const base = existsSync(basePath) ? readFileSync(basePath, "utf8") : "";
  const overlayPath = env.SUPABASE_CONFIG_OVERLAY;
  let overlay: string | null = null;
  if (overlayPath) {
    const resolved = path.resolve(overlayPath);
    if (!existsSync(resolved)) throw new Error(`SUPABASE_CONFIG_OVERLAY file not found: ${resolved}`);
    overlay = readFileSync(resolved, "utf8");
  }
  return parseConfig(base, overlay, env, rootDir);
}
