"use server";
/**
 * /account, step 2 of turning two-factor on: the first code from the app verifies the factor. The
 * session becomes aal2 and GoTrue signs out the person's other password-only sessions.
 */
import { revalidatePath } from "next/cache";
import { forgetAssurance } from "@/lib/auth/assurance";
import { checkCode } from "@/lib/auth/two-factor";
import { confirmFactorSchema } from "@/lib/auth/two-factor-schemas";
import { failure, success } from "../form-state";
import { unexpectedFailure, validatedActionWithUser } from "../safe-action";

export const confirmTwoFactor = validatedActionWithUser(
  confirmFactorSchema,
  async ({ factorId, code }, { supabase, user, log, values }) => {
    const result = await checkCode(supabase, factorId, code);
    if (!result.ok) {
      if (result.cause) return unexpectedFailure("confirmTwoFactor", result.cause, values);
      return failure(result.message, result.field ? { [result.field]: result.message } : undefined, values);
    }
    forgetAssurance(user.sessionId);
    log.info("Two-factor turned on", { userId: user.id });
    revalidatePath("/account");
    return success("Two-factor sign-in is on. Your other devices were signed out and will ask for a code.");
  },
  { name: "confirmTwoFactor" },
);
