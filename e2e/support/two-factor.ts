/**
 * Authenticator-app codes for two-factor specs, computed from the factor's secret (the setup key)
 * with the same TOTP parameters GoTrue uses, and a user whose factor is already verified.
 */
import { createClient } from "@supabase/supabase-js";
import { Secret, TOTP } from "otpauth";
import { createConfirmedUser, type TestUser } from "./users";

/** What the person's authenticator app would show now. */
export const codeFor = (setupKey: string) => new TOTP({ secret: Secret.fromBase32(setupKey) }).generate();

/** A code the app does not show at the moment (neither the previous, current nor next step). */
export function wrongCode(setupKey: string): string {
  const totp = new TOTP({ secret: Secret.fromBase32(setupKey) });
  const accepted = new Set([-30_000, 0, 30_000].map((offset) => totp.generate({ timestamp: Date.now() + offset })));
  let candidate = 0;
  while (accepted.has(String(candidate).padStart(6, "0"))) candidate += 1;
  return String(candidate).padStart(6, "0");
}

export interface TwoFactorUser extends TestUser {
  secret: string;
  factorId: string;
}

/** A confirmed user with a verified TOTP factor, set up through supabase-js as /account would. */
export async function createTwoFactorUser(): Promise<TwoFactorUser> {
  const user = await createConfirmedUser();
  const client = createClient(process.env.NEXT_PUBLIC_SUPABASE_URL!, process.env.NEXT_PUBLIC_SUPABASE_ANON_KEY!, {
    auth: { persistSession: false, autoRefreshToken: false },
  });
  const signedIn = await client.auth.signInWithPassword(user);
  if (signedIn.error) throw new Error(`sign in ${user.email}: ${signedIn.error.message}`);
  const enrolled = await client.auth.mfa.enroll({ factorType: "totp" });
  if (enrolled.error) throw new Error(`enroll: ${enrolled.error.message}`);
  const { id: factorId, totp } = enrolled.data;
  const verified = await client.auth.mfa.challengeAndVerify({ factorId, code: codeFor(totp.secret) });
  if (verified.error) throw new Error(`verify: ${verified.error.message}`);
  await client.auth.signOut({ scope: "local" });
  return { ...user, secret: totp.secret, factorId };
}
