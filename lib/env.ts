/**
 * Environment, parsed once with zod. A missing or malformed variable fails loudly and names itself.
 * Public values are read through literal `process.env.NEXT_PUBLIC_*` expressions so Next.js can inline
 * them into the browser bundle; server-only values never leave the server.
 */
import { z } from "zod";

const publicSchema = z
  .object({
    NEXT_PUBLIC_SUPABASE_URL: z.url({ message: "must be a URL such as http://127.0.0.1:54321" }),
    NEXT_PUBLIC_SUPABASE_ANON_KEY: z.string().min(1).optional(),
    NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY: z.string().min(1).optional(),
  })
  .refine((env) => env.NEXT_PUBLIC_SUPABASE_ANON_KEY ?? env.NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY, {
    message: "set NEXT_PUBLIC_SUPABASE_ANON_KEY or NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY",
    path: ["NEXT_PUBLIC_SUPABASE_ANON_KEY"],
  });

const serverSchema = z.object({
  SUPABASE_SERVICE_ROLE_KEY: z.string().min(1),
  TESTING_MODE: z
    .enum(["true", "false", ""])
    .optional()
    .transform((value) => value === "true"),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).optional(),
});

// The key and the header that let Auth rate-limit each visitor by their own IP (lib/supabase/visitor-auth.ts).
const visitorAuthSchema = z.object({
  SUPABASE_SECRET_KEY: z
    .string()
    .startsWith("sb_secret_", {
      message: "must be a secret API key (sb_secret_…); Auth ignores forwarded IPs sent with other keys",
    })
    .optional(),
  TRUSTED_CLIENT_IP_HEADER: z
    .string()
    .regex(/^[A-Za-z0-9-]+$/, { message: "must be a header name such as x-real-ip" })
    .transform((name) => name.toLowerCase())
    .optional(),
});

export type PublicEnv = { supabaseUrl: string; supabaseKey: string };
export type ServerEnv = PublicEnv & { serviceRoleKey: string; testingMode: boolean; logLevel?: string };

export class EnvError extends Error {
  override name = "EnvError";
}

function describe(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join(".") || "env"}: ${issue.message}`).join("; ");
}

function parse<T extends z.ZodType>(schema: T, values: Record<string, unknown>): z.output<T> {
  const result = schema.safeParse(values);
  if (!result.success) {
    throw new EnvError(`Invalid environment — ${describe(result.error)}. See .env.example.`);
  }
  return result.data;
}

/** Usable in the browser and on the server. */
export function publicEnv(): PublicEnv {
  const env = parse(publicSchema, {
    NEXT_PUBLIC_SUPABASE_URL: process.env.NEXT_PUBLIC_SUPABASE_URL,
    NEXT_PUBLIC_SUPABASE_ANON_KEY: process.env.NEXT_PUBLIC_SUPABASE_ANON_KEY || undefined,
    NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY: process.env.NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY || undefined,
  });
  return {
    supabaseUrl: env.NEXT_PUBLIC_SUPABASE_URL,
    supabaseKey: (env.NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY ?? env.NEXT_PUBLIC_SUPABASE_ANON_KEY)!,
  };
}

/** Server only: includes the service-role key. */
export function serverEnv(): ServerEnv {
  const env = parse(serverSchema, {
    SUPABASE_SERVICE_ROLE_KEY: process.env.SUPABASE_SERVICE_ROLE_KEY,
    TESTING_MODE: process.env.TESTING_MODE,
    LOG_LEVEL: process.env.LOG_LEVEL || undefined,
  });
  return {
    ...publicEnv(),
    serviceRoleKey: env.SUPABASE_SERVICE_ROLE_KEY,
    testingMode: env.TESTING_MODE,
    logLevel: env.LOG_LEVEL,
  };
}

/**
 * Server only: the secret key Auth calls made on a visitor's behalf carry (null: such calls are not
 * forwarded), and the request header that holds the visitor's IP (null: X-Forwarded-For as Next sets it).
 */
export function visitorAuthEnv(): { secretKey: string | null; trustedClientIpHeader: string | null } {
  const env = parse(visitorAuthSchema, {
    SUPABASE_SECRET_KEY: process.env.SUPABASE_SECRET_KEY || undefined,
    TRUSTED_CLIENT_IP_HEADER: process.env.TRUSTED_CLIENT_IP_HEADER || undefined,
  });
  return { secretKey: env.SUPABASE_SECRET_KEY ?? null, trustedClientIpHeader: env.TRUSTED_CLIENT_IP_HEADER ?? null };
}

/** `TESTING_MODE=true` turns on debug logging and detailed error details (testing mode). */
export function isTestingMode(): boolean {
  return process.env.TESTING_MODE === "true";
}
