/**
 * Small pieces several endpoint families share: email validation (GoTrue's validateEmail), PKCE
 * parameter checks, flow-state rows, and the redirect target of a request.
 */
import { randomUUID } from "node:crypto";
import type { Db } from "../db.ts";
import { validationFailed } from "../errors.ts";
import type { FlowType } from "../otp.ts";
import { pickRedirect } from "../redirect.ts";
import type { Call } from "../runtime.ts";

const EMAIL =
  /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;

/** Returns the lower-cased address or throws GoTrue's validation_failed. */
export function validateEmail(email: string): string {
  if (email === "") throw validationFailed("An email address is required");
  if (email.length > 255) throw validationFailed("An email address is too long");
  if (!EMAIL.test(email)) throw validationFailed("Unable to validate email address: invalid format");
  return email.toLowerCase();
}

const CHALLENGE = /^[a-zA-Z._~0-9-]+$/;

/** GoTrue's validatePKCEParams; returns the flow the request asks for. */
export function pkceFlow(codeChallenge: string, codeChallengeMethod: string): FlowType {
  if ((codeChallenge === "") !== (codeChallengeMethod === "")) {
    throw validationFailed("PKCE flow requires code_challenge_method and code_challenge");
  }
  if (codeChallenge === "") return "implicit";
  if (codeChallenge.length < 43 || codeChallenge.length > 128) {
    throw validationFailed("code challenge has to be between 43 and 128 characters");
  }
  if (!CHALLENGE.test(codeChallenge)) {
    throw validationFailed(
      "code challenge can only contain alphanumeric characters, hyphens, periods, underscores and tildes",
    );
  }
  return "pkce";
}

export function parseChallengeMethod(method: string): "s256" | "plain" {
  const lower = method.toLowerCase();
  if (lower === "s256" || lower === "plain") return lower;
  throw validationFailed(`code challenge method not supported: ${method}`);
}

export async function createFlowState(
  db: Db,
  userId: string,
  authenticationMethod: string,
  codeChallenge: string,
  codeChallengeMethod: string,
): Promise<void> {
  await db.query(
    `insert into auth.flow_state (id, user_id, auth_code, code_challenge_method, code_challenge, provider_type,
        created_at, updated_at, authentication_method)
     values ($1, $2, $3, $4, $5, 'email', now(), now(), $6)`,
    [
      randomUUID(),
      userId,
      randomUUID(),
      parseChallengeMethod(codeChallengeMethod),
      codeChallenge,
      authenticationMethod,
    ],
  );
}

/** The request's redirect target: `redirect_to` header or query, else Referer, else site_url. */
export function requestRedirect(call: Call): string {
  const header = call.req.headers["redirect_to"];
  const referer = call.req.headers.referer;
  const { siteUrl, redirectAllowList } = call.rt.settings;
  return pickRedirect(
    [
      typeof header === "string" ? header : undefined,
      call.ctx.query.get("redirect_to") ?? undefined,
      typeof referer === "string" ? referer : undefined,
    ],
    siteUrl,
    redirectAllowList,
  );
}
