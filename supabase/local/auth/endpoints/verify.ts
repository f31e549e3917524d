/**
 * GET /verify (the email link: 303 to redirect_to with tokens in the fragment, `?code=` for PKCE, or
 * error params) and POST /verify (token_hash or email + OTP → session JSON). Reference §A.7.
 */
import { withTx } from "../db.ts";
import { AuthError, badRequest, unprocessable, validationFailed } from "../errors.ts";
import { readJsonBody, redirect, sendJson, str } from "../http.ts";
import { codeQueryUrl, errorRedirectUrl, messageRedirectUrl, tokenFragmentUrl } from "../redirect-url.ts";
import { clientMeta, requestAud, type Call } from "../runtime.ts";
import { issueSession } from "../tokens.ts";
import { applyVerification, userByEmailOtp, userByTokenHash, type VerifySettings } from "../verification.ts";
import { requestRedirect, validateEmail } from "./common.ts";

const SINGLE_CONFIRMATION = "Confirmation link accepted. Please proceed to confirm link sent to the other email";

/** ParseAuthenticationMethod for the flow state a PKCE link belongs to. */
function flowMethod(type: string): string {
  if (type.endsWith("signup")) return "email/signup";
  if (["recovery", "invite", "magiclink", "email_change"].includes(type)) return type;
  throw validationFailed(`unsupported authentication method "${type}"`);
}

export function verifySettings(call: Call): VerifySettings {
  const { settings } = call.rt;
  return {
    otpExpirySeconds: settings.mail.otpExpirySeconds,
    autoconfirm: settings.autoconfirm,
    secureEmailChange: settings.secureEmailChange,
  };
}

export async function verifyGet(call: Call): Promise<void> {
  call.rt.limiter.take("tokenVerifications", call.ctx.ip);
  const token = call.ctx.query.get("token") ?? "";
  const type = call.ctx.query.get("type") ?? "";
  const redirectTo = requestRedirect(call);
  if (type === "") throw validationFailed("Verify requires a verification type");
  if (token === "") throw validationFailed("Verify requires a token or a token hash");
  const pkce = token.startsWith("pkce_");
  const method = pkce ? flowMethod(type) : "";
  let location: string;
  try {
    location = await withTx(call.rt.pool, async (db) => {
      const found = await userByTokenHash(db, type, token, verifySettings(call));
      const user = await applyVerification(db, found.user, found.type, found.matched, verifySettings(call));
      if (!user) return messageRedirectUrl(redirectTo, SINGLE_CONFIRMATION, pkce);
      if (!pkce) {
        const session = await issueSession(db, call.rt.tokens, user.id, "otp", clientMeta(call));
        return tokenFragmentUrl(redirectTo, session, type);
      }
      const [flow] = await db.query<{ id: string; auth_code: string | null }>(
        `select id, auth_code from auth.flow_state where user_id = $1 and authentication_method = $2
          order by created_at desc limit 1`,
        [user.id, method],
      );
      if (!flow)
        throw badRequest("flow_state_not_found", "No associated flow state found. No valid flow state found for user.");
      if (!flow.auth_code) {
        throw badRequest(
          "flow_state_not_found",
          "No associated flow state found. Flow state does not have an auth code (not a PKCE flow).",
        );
      }
      await db.query(`update auth.flow_state set auth_code_issued_at = now(), updated_at = now() where id = $1`, [
        flow.id,
      ]);
      return codeQueryUrl(redirectTo, flow.auth_code);
    });
  } catch (error) {
    if (!(error instanceof AuthError) || error.kind !== "http") throw error;
    location = errorRedirectUrl(redirectTo, error.status, error.code, error.message, pkce);
  }
  redirect(call.res, location);
}

export async function verifyPost(call: Call): Promise<void> {
  call.rt.limiter.take("tokenVerifications", call.ctx.ip);
  const body = await readJsonBody(call.req);
  const type = str(body, "type");
  const token = str(body, "token");
  const hash = str(body, "token_hash");
  const emailParam = str(body, "email");
  const phone = str(body, "phone");
  const redirectParam = str(body, "redirect_to");
  if (type === "") throw validationFailed("Verify requires a verification type");
  if ((token === "" && hash === "") || (token !== "" && hash !== "")) {
    throw validationFailed("Verify requires either a token or a token hash");
  }
  let email = "";
  if (token !== "") {
    if (phone !== "" && emailParam === "") throw badRequest("phone_provider_disabled", "Phone logins are disabled");
    if (emailParam === "" || phone !== "") {
      throw validationFailed("Only an email address or phone number should be provided on verify");
    }
    try {
      email = validateEmail(emailParam);
    } catch {
      throw unprocessable("validation_failed", "Invalid email format");
    }
  } else if (emailParam !== "" || phone !== "" || redirectParam !== "") {
    throw validationFailed("Only the token_hash and type should be provided");
  }
  const aud = requestAud(call);
  const answer = await withTx(call.rt.pool, async (db) => {
    const found =
      hash !== ""
        ? await userByTokenHash(db, type, hash, verifySettings(call))
        : await userByEmailOtp(db, type, email, token, aud, verifySettings(call));
    const user = await applyVerification(db, found.user, found.type, found.matched, verifySettings(call));
    if (!user) return null;
    return issueSession(db, call.rt.tokens, user.id, "otp", clientMeta(call));
  });
  if (answer === null) sendJson(call.res, 200, { msg: SINGLE_CONFIRMATION, code: "200" });
  else sendJson(call.res, 200, answer);
}
