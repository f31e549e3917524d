"use server";
/**
 * /account: turning two-factor off needs a fresh code (proof the person holds the app now, and the
 * aal2 session GoTrue requires to remove a verified factor). The session is then refreshed so its
 * cookies carry aal1 again.
 */
import { revalidatePath } from "next/cache";
import { forgetAssurance } from "@/lib/auth/assurance";
import { checkCode } from "@/lib/auth/two-factor";
import { turnOffFactorSchema } from "@/lib/auth/two-factor-schemas";
import { failure, success } from "../form-state";
import { unexpectedFailure, validatedActionWithUser } from "../safe-action";

export const turnOffTwoFactor = validatedActionWithUser(
  turnOffFactorSchema,
  async ({ factorId, code }, { supabase, user, log, values }) => {
    const result = await checkCode(supabase, factorId, code);
    if (!result.ok) {
      if (result.cause) return unexpectedFailure("turnOffTwoFactor", result.cause, values);
      return failure(result.message, result.field ? { [result.field]: result.message } : undefined, values);
    }
    const { error } = await supabase.auth.mfa.unenroll({ factorId });
    if (error) return unexpectedFailure("turnOffTwoFactor", { code: error.code, status: error.status }, values);
    await supabase.auth.refreshSession();
    forgetAssurance(user.sessionId);
    log.info("Two-factor turned off", { userId: user.id });
    revalidatePath("/account");
    return success("Two-factor sign-in is off. Signing in needs only your password again.");
  },
  { name: "turnOffTwoFactor" },
);
