"use server";
/**
 * Sign-in with email and password, then on to the (sanitised) `next` page. Every failure answers no
 * sooner than SIGN_IN_FLOOR_MS after the start, and the per-account limit counts unknown addresses
 * like existing ones: neither the message nor the timing tells whether an address has an account.
 */
import { redirect } from "next/navigation";
import {
  accountLockedMessage,
  accountLockSeconds,
  clearFailedSignIns,
  recordFailedSignIn,
} from "@/lib/auth/account-limit";
import { isRequestRateLimit, RATE_LIMITED_MESSAGE } from "@/lib/auth/auth-errors";
import { pathAfterSignIn } from "@/lib/auth/after-sign-in";
import { rememberPendingEmail } from "@/lib/auth/pending-email";
import { signInSchema } from "@/lib/auth/schemas";
import { INVALID_CREDENTIALS_MESSAGE } from "@/lib/auth/messages";
import { SIGN_IN_FLOOR_MS, startTimingFloor } from "@/lib/auth/timing-floor";
import { failure } from "../form-state";
import { unexpectedFailure, validatedAction } from "../safe-action";

export const signIn = validatedAction(
  signInSchema,
  async ({ email, password, next }, { supabase, log, values }) => {
    const floor = startTimingFloor(SIGN_IN_FLOOR_MS);
    const lockedFor = await accountLockSeconds(email);
    if (lockedFor > 0) return floor.pad(failure(accountLockedMessage(lockedFor), undefined, values));

    const { data, error } = await supabase.auth.signInWithPassword({ email, password });
    if (error) {
      // GoTrue says user_banned before it checks the password: answer it like a wrong password.
      if (error.code === "invalid_credentials" || error.code === "user_banned") {
        const locked = await recordFailedSignIn(email);
        const message = locked > 0 ? accountLockedMessage(locked) : INVALID_CREDENTIALS_MESSAGE;
        return floor.pad(failure(message, undefined, values));
      }
      if (isRequestRateLimit(error)) return floor.pad(failure(RATE_LIMITED_MESSAGE, undefined, values));
      if (error.code === "email_not_confirmed") {
        // GoTrue says this only after the password matched, so it reveals nothing to a stranger.
        await rememberPendingEmail(email);
        redirect("/check-email?reason=unconfirmed");
      }
      return floor.pad(
        unexpectedFailure("signIn", { code: error.code, status: error.status, message: error.message }, values),
      );
    }
    await clearFailedSignIns(email);
    log.info("Signed in", { userId: data.user?.id });
    redirect(pathAfterSignIn(data.user, next));
  },
  { name: "signIn" },
);
