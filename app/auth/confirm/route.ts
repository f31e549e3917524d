/**
 * Where email links land. Two shapes (as GoTrue sends them):
 * - `?code=` — GoTrue's /verify already checked the mail's token and redirected here; exchange the
 *   code with the PKCE verifier cookie set when the flow started (same browser);
 * - `?token_hash=&type=` — a server-side confirmation link; verify the hash directly.
 * Success: the session cookies are set and the person goes on to `next` (sanitised). Failure: a page
 * that offers a fresh link — never a raw error.
 */
import type { EmailOtpType } from "@supabase/supabase-js";
import type { NextRequest } from "next/server";
import { safeNextPath } from "@/lib/auth/next-path";
import { relativeRedirect } from "@/lib/auth/redirect";
import { forgetPendingEmail } from "@/lib/auth/pending-email";
import { ensureProfileForNewUser } from "@/lib/auth/registration";
import { createLogger } from "@/lib/logger";
import { newReferenceId } from "@/lib/reference";
import { createClient } from "@/lib/supabase/server";

const log = createLogger("auth.confirm");
const OTP_TYPES: readonly EmailOtpType[] = ["signup", "email", "recovery", "invite", "magiclink", "email_change"];

const isOtpType = (value: string | null): value is EmailOtpType =>
  value !== null && (OTP_TYPES as readonly string[]).includes(value);

export async function GET(request: NextRequest) {
  const params = request.nextUrl.searchParams;
  const type = params.get("type");
  const recovery = params.get("flow") === "recovery" || type === "recovery";
  const flow = recovery ? "recovery" : "signup";
  const next = safeNextPath(params.get("next"), recovery ? "/reset-password" : "/onboarding");
  const to = (path: string) => relativeRedirect(path, 303);
  const expired = to(`/link-expired?flow=${flow}`);

  const code = params.get("code");
  const tokenHash = params.get("token_hash");
  if (params.get("error_code") || (!code && !tokenHash)) {
    log.info("Confirmation link without a usable token", { flow, errorCode: params.get("error_code") });
    return expired;
  }

  const supabase = await createClient();
  const { data, error } =
    tokenHash && isOtpType(type)
      ? await supabase.auth.verifyOtp({ type, token_hash: tokenHash })
      : code
        ? await supabase.auth.exchangeCodeForSession(code)
        : { data: null, error: { code: "validation_failed", name: "AuthError", status: 400 } };

  if (error || !data?.user) {
    const reference = newReferenceId();
    log.warn("Could not complete an email link", { flow, reference, code: error?.code, name: error?.name });
    // GoTrue confirmed the address before redirecting with ?code=; only this browser lacks the PKCE
    // verifier (the link was opened elsewhere). Signing in finishes the job.
    if (!recovery && code && error?.name === "AuthPKCECodeVerifierMissingError")
      return to("/login?notice=email-confirmed");
    return expired;
  }

  if (!recovery) {
    try {
      await ensureProfileForNewUser(data.user.id, data.user.email ?? null);
    } catch (cause) {
      // The wizard's pages ensure and report a missing profile themselves; the person is signed in.
      log.error("Could not verify the profile after confirmation", { userId: data.user.id, error: cause });
    }
    await forgetPendingEmail();
  }
  log.info("Email link completed", { flow, userId: data.user.id });
  return to(next);
}
