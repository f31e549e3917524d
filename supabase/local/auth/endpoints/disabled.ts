/**
 * GoTrue's answers for sign-in methods this stack keeps switched off (as a project that has not
 * enabled them): ID-token sign-in with an OAuth provider, Web3 wallets, SAML SSO and manual identity
 * linking. A client gets the same error a hosted project with the feature disabled gives, instead of
 * an unknown route or grant.
 */
import { AuthError, badRequest, unprocessable } from "../errors.ts";
import { readJsonBody, str } from "../http.ts";
import { requireClaims } from "../request-auth.ts";
import type { Call } from "../runtime.ts";

/** The issuers GoTrue names for its built-in ID-token providers. */
const ISSUERS: Record<string, string> = {
  google: "https://accounts.google.com",
  apple: "https://appleid.apple.com",
  azure: "https://login.microsoftonline.com/common/v2.0",
  facebook: "https://www.facebook.com",
  kakao: "https://kauth.kakao.com",
};

/** POST /token?grant_type=id_token: no provider is enabled locally. */
export async function idTokenGrant(call: Call): Promise<void> {
  const provider = str(await readJsonBody(call.req), "provider");
  const issuer = ISSUERS[provider];
  if (issuer === undefined) throw badRequest("validation_failed", `Custom OIDC provider "${provider}" not allowed`);
  throw badRequest("provider_disabled", `Provider (issuer "${issuer}") is not enabled`);
}

/** POST /token?grant_type=web3. */
export async function web3Grant(): Promise<void> {
  throw unprocessable("web3_provider_disabled", "Web3 provider is disabled");
}

/** POST /sso and the SAML routes. */
export async function samlDisabled(): Promise<void> {
  throw new AuthError(404, "saml_provider_disabled", "SAML 2.0 is disabled");
}

/** GET /user/identities/authorize, DELETE /user/identities/{id}: signed-in users only, then refused. */
export async function manualLinkingDisabled(call: Call): Promise<void> {
  await requireClaims(call);
  throw new AuthError(404, "manual_linking_disabled", "Manual linking is disabled");
}
