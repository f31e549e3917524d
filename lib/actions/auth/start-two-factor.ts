"use server";
/**
 * /account, step 1 of turning two-factor on: a new authenticator-app factor (unverified until a code
 * confirms it). Answers with the QR code and the setup key for the form to show; an earlier
 * unfinished setup is removed first so at most one is pending.
 */
import { verifiedTotpFactor } from "@/lib/auth/two-factor";
import { noFieldsSchema } from "@/lib/auth/two-factor-schemas";
import { failure, success } from "../form-state";
import { unexpectedFailure, validatedActionWithUser } from "../safe-action";

export const startTwoFactor = validatedActionWithUser(
  noFieldsSchema,
  async (_data, { supabase }) => {
    if (await verifiedTotpFactor(supabase)) return failure("Two-factor sign-in is already on.");
    const { data: listed, error: listError } = await supabase.auth.mfa.listFactors();
    if (listError) return unexpectedFailure("startTwoFactor", listError);
    for (const stale of listed.all.filter((factor) => factor.status === "unverified")) {
      await supabase.auth.mfa.unenroll({ factorId: stale.id });
    }
    const { data, error } = await supabase.auth.mfa.enroll({ factorType: "totp", friendlyName: "Authenticator app" });
    if (error) return unexpectedFailure("startTwoFactor", { code: error.code, status: error.status });
    return success(undefined, { factorId: data.id, qrCode: data.totp.qr_code, setupKey: data.totp.secret });
  },
  { name: "startTwoFactor" },
);
