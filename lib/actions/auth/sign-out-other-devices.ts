"use server";
/** /account: ends every other session of the person (scope "others"); this browser stays signed in. */
import { revalidatePath } from "next/cache";
import { noFieldsSchema } from "@/lib/auth/two-factor-schemas";
import { success } from "../form-state";
import { unexpectedFailure, validatedActionWithUser } from "../safe-action";

export const signOutOtherDevices = validatedActionWithUser(
  noFieldsSchema,
  async (_data, { supabase, user, log }) => {
    const { error } = await supabase.auth.signOut({ scope: "others" });
    if (error) return unexpectedFailure("signOutOtherDevices", { code: error.code, status: error.status });
    log.info("Signed out other devices", { userId: user.id });
    revalidatePath("/account");
    return success("Your other devices are signed out. They need your password (and code) to sign in again.");
  },
  { name: "signOutOtherDevices" },
);
