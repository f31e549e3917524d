"use server";
/**
 * Sign-up: create the account (GoTrue sends the confirmation mail), make sure the profile exists, and
 * go to "check your email". An address that is already registered gets exactly the same answer
 * (GoTrue returns an obfuscated user with no identities and sends nothing), so nothing is revealed.
 */
import { redirect } from "next/navigation";
import { isEmailSendRateLimit, isRequestRateLimit, RATE_LIMITED_MESSAGE } from "@/lib/auth/auth-errors";
import { rememberPendingEmail } from "@/lib/auth/pending-email";
import { PASSWORD_MESSAGES } from "@/lib/auth/password-policy";
import { ensureProfileForNewUser } from "@/lib/auth/registration";
import { signUpSchema } from "@/lib/auth/schemas";
import { CONFIRMED_LANDING } from "@/lib/auth/confirmed";
import { confirmUrl } from "@/lib/auth/site-url";
import { failure } from "../form-state";
import { unexpectedFailure, validatedAction } from "../safe-action";

export const signUp = validatedAction(
  signUpSchema,
  async ({ fullName, email, password }, { supabase, log, values }) => {
    const { data, error } = await supabase.auth.signUp({
      email,
      password,
      // The name lives in user_metadata (display only; the person can change it, so never trust it).
      options: { data: { full_name: fullName }, emailRedirectTo: await confirmUrl("signup", CONFIRMED_LANDING) },
    });

    if (error) {
      if (isRequestRateLimit(error)) return failure(RATE_LIMITED_MESSAGE, undefined, values);
      if (error.code === "weak_password") return failure(undefined, { password: PASSWORD_MESSAGES.tooShort }, values);
      // user_already_exists (only with autoconfirm) and per-address mail limits: answer as for a new address.
      if (error.code !== "user_already_exists" && !isEmailSendRateLimit(error)) {
        // e.g. 500 "Database error saving new user" when the profile trigger fails.
        return unexpectedFailure("signUp", { code: error.code, status: error.status, message: error.message }, values);
      }
    }

    const user = data?.user;
    // A real new (or still unconfirmed) user has an identity; the obfuscated duplicate answer has none.
    if (user && (user.identities?.length ?? 0) > 0) {
      log.info("Signed up", { userId: user.id });
      try {
        await ensureProfileForNewUser(user.id, email);
      } catch (cause) {
        // The account exists and /auth/confirm ensures the profile again: do not strand the person here.
        log.error("Could not verify the profile after sign-up", { userId: user.id, error: cause });
      }
    }

    await rememberPendingEmail(email);
    redirect("/check-email");
  },
  { name: "signUp" },
);
