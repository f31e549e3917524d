/**
 * Where email links land. Three shapes:
 * - `?code=` — GoTrue's /verify checked the mail's token and redirected here (PKCE). The code becomes
 *   a session only with the verifier cookie this browser got when it asked for the mail, so a link
 *   forwarded to, or planted on, another browser signs nobody in there.
 * - `?message=` without a code — GoTrue's answer to the first of the two email-change links.
 * - `?token_hash=&type=signup|email` — a server-side confirmation link (custom mail templates). The
 *   address is confirmed from whatever device reads the mail, but the session that comes with it is
 *   dropped: otherwise anyone could mail a stranger their own link and sign the stranger in as
 *   themselves. Other types are refused here; they travel as PKCE links.
 * `next` is sanitised before anything is verified, so no `next` can make a used link fail.
 */
import type { NextRequest } from "next/server";
import { confirmFlow, DEFAULT_NEXT_FOR, expiredPath, otherBrowserPath } from "@/lib/auth/confirm-flow";
import { safeNextPath } from "@/lib/auth/next-path";
import { relativeRedirect } from "@/lib/auth/redirect";
import { forgetPendingEmail } from "@/lib/auth/pending-email";
import { ensureProfileForNewUser } from "@/lib/auth/registration";
import { createLogger } from "@/lib/logger";
import { newReferenceId } from "@/lib/reference";
import { createClient } from "@/lib/supabase/server";
import { createStatelessVisitorClient } from "@/lib/supabase/visitor-auth";

const log = createLogger("auth.confirm");
const to = (path: string) => relativeRedirect(path, 303);

async function ensureProfile(user: { id: string; email?: string | undefined }) {
  try {
    await ensureProfileForNewUser(user.id, user.email ?? null);
  } catch (cause) {
    // The wizard's pages ensure and report a missing profile themselves.
    log.error("Could not verify the profile after confirmation", { userId: user.id, error: cause });
  }
}

/** A server-side sign-up confirmation link: confirm the address, keep no session. */
async function confirmAddressOnly(request: NextRequest, tokenHash: string, type: string | null) {
  if (type !== "signup" && type !== "email") {
    log.info("Refused a server-side link of a type that must be PKCE", { type });
    return to(expiredPath(type === "recovery" ? "recovery" : "signup"));
  }
  // A client that writes no cookie: the session verifyOtp returns never reaches this browser.
  const client = createStatelessVisitorClient(request.headers);
  const { data, error } = await client.auth.verifyOtp({ type, token_hash: tokenHash });
  if (error || !data.user) {
    log.info("Server-side confirmation link not usable", { code: error?.code });
    return to(expiredPath("signup"));
  }
  await ensureProfile(data.user);
  await client.auth.signOut({ scope: "local" });
  await forgetPendingEmail();
  log.info("Address confirmed from a server-side link", { userId: data.user.id });
  return to("/login?notice=email-confirmed");
}

export async function GET(request: NextRequest) {
  const params = request.nextUrl.searchParams;
  const flow = confirmFlow(params);
  const next = safeNextPath(params.get("next"), DEFAULT_NEXT_FOR[flow]);
  const code = params.get("code");
  const tokenHash = params.get("token_hash");

  if (params.get("error_code")) {
    log.info("Email link refused by Auth", { flow, errorCode: params.get("error_code") });
    return to(expiredPath(flow));
  }
  if (!code && !tokenHash && params.get("message")) return to("/email-change?step=one");
  if (tokenHash) return confirmAddressOnly(request, tokenHash, params.get("type"));
  if (!code) return to(expiredPath(flow));

  const supabase = await createClient();
  const { data, error } = await supabase.auth.exchangeCodeForSession(code);
  if (error || !data?.user) {
    const reference = newReferenceId();
    log.warn("Could not complete an email link", { flow, reference, code: error?.code, name: error?.name });
    const otherBrowser = error?.name === "AuthPKCECodeVerifierMissingError";
    // GoTrue counts a sign-up or email-change flow's five minutes from the request, not the click;
    // the address was confirmed all the same.
    const lateButDone = error?.code === "flow_state_expired" && (flow === "signup" || flow === "email-change");
    return to(otherBrowser || lateButDone ? otherBrowserPath(flow) : expiredPath(flow));
  }

  if (flow === "signup" || flow === "signin") {
    if (flow === "signup") await ensureProfile(data.user);
    await forgetPendingEmail();
  }
  log.info("Email link completed", { flow, userId: data.user.id });
  return to(flow === "email-change" ? "/email-change?step=done" : next);
}
