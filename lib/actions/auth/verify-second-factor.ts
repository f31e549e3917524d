"use server";
/**
 * The code page after a password (or link) sign-in of a user with two-factor on: the code from their
 * authenticator app raises the session to aal2, then on to the (sanitised) `next` page. The session
 * is aal1 here, so this is a public action that checks the session itself.
 */
import { redirect } from "next/navigation";
import { forgetAssurance } from "@/lib/auth/assurance";
import { safeNextPath } from "@/lib/auth/next-path";
import { checkCode, verifiedTotpFactor } from "@/lib/auth/two-factor";
import { secondFactorSchema } from "@/lib/auth/two-factor-schemas";
import { failure } from "../form-state";
import { SIGNED_OUT_MESSAGE, unexpectedFailure, validatedAction } from "../safe-action";

export const verifySecondFactor = validatedAction(
  secondFactorSchema,
  async ({ code, next }, { supabase, log, values }) => {
    const { data: claimsData } = await supabase.auth.getClaims();
    const claims = claimsData?.claims;
    if (!claims?.sub) return failure(SIGNED_OUT_MESSAGE, undefined, values);
    const factor = await verifiedTotpFactor(supabase);
    // No factor any more (removed by an admin): nothing to prove.
    if (!factor) redirect(safeNextPath(next));
    const result = await checkCode(supabase, factor.id, code);
    if (!result.ok) {
      if (result.cause) return unexpectedFailure("verifySecondFactor", result.cause, values);
      return failure(result.message, result.field ? { [result.field]: result.message } : undefined, values);
    }
    forgetAssurance(typeof claims.session_id === "string" ? claims.session_id : null);
    log.info("Second factor verified", { userId: claims.sub });
    redirect(safeNextPath(next));
  },
  { name: "verifySecondFactor" },
);
