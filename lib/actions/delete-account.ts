"use server";
/**
 * Deletes the signed-in person's account for good: the password is checked, then the auth user is
 * deleted through the service role; the profile and its history go with it (ON DELETE CASCADE).
 * The session cookies are cleared and the person lands on /account-deleted.
 */
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { WRONG_PASSWORD_MESSAGE } from "@/lib/account/messages";
import { checkPassword } from "@/lib/account/verify-password";
import { deleteAccountSchema } from "@/lib/account/schemas";
import { createAdminClient } from "@/lib/supabase/admin";
import { failure } from "./form-state";
import { SIGNED_OUT_MESSAGE, unexpectedFailure, validatedActionWithUser } from "./safe-action";

export const deleteAccount = validatedActionWithUser(
  deleteAccountSchema,
  async ({ password }, { supabase, user, log }) => {
    if (!user.email) return failure(SIGNED_OUT_MESSAGE);
    const check = await checkPassword(user.email, password);
    if (check.result === "wrong") return failure(undefined, { password: WRONG_PASSWORD_MESSAGE });
    if (check.result === "unavailable") return unexpectedFailure("deleteAccount", check.cause);

    const { error } = await createAdminClient().auth.admin.deleteUser(user.id);
    if (error && error.status !== 404) {
      return unexpectedFailure("deleteAccount", { code: error.code, status: error.status, message: error.message });
    }
    log.info("Account deleted", { userId: user.id });

    // The sessions died with the user, so the server may answer 403; the local sign-out still
    // clears the cookies. Any auth cookie left over is removed by hand.
    await supabase.auth.signOut({ scope: "local" }).catch(() => undefined);
    const jar = await cookies();
    for (const cookie of jar.getAll()) if (cookie.name.startsWith("sb-")) jar.delete(cookie.name);
    redirect("/account-deleted");
  },
  { name: "deleteAccount" },
);
