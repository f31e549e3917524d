"use server";
/**
 * Changes the full name shown in the header, on the profile and in the export. It lives in the Auth
 * user's user_metadata; after saving, the session is refreshed so the new access token (which the
 * header reads) carries the new name at once rather than at the next hourly refresh.
 */
import { revalidatePath } from "next/cache";
import { changeNameSchema } from "@/lib/account/schemas";
import { failure, success } from "./form-state";
import { SIGNED_OUT_MESSAGE, unexpectedFailure, validatedActionWithUser } from "./safe-action";

export const changeName = validatedActionWithUser(
  changeNameSchema,
  async ({ fullName }, { supabase, user, log, values }) => {
    const { error } = await supabase.auth.updateUser({ data: { full_name: fullName } });
    if (error) {
      if (error.status === 401 || error.status === 403) return failure(SIGNED_OUT_MESSAGE, undefined, values);
      return unexpectedFailure(
        "changeName",
        { code: error.code, status: error.status, message: error.message },
        values,
      );
    }
    const refreshed = await supabase.auth.refreshSession();
    // The name is saved either way; a failed refresh only delays the header until the next refresh.
    if (refreshed.error) log.warn("Session refresh after a name change failed", { userId: user.id });
    log.info("Name changed", { userId: user.id });
    revalidatePath("/", "layout");
    return success("Your name is saved.", { fullName });
  },
  { name: "changeName" },
);
