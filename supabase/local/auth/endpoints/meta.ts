/**
 * GET /health, GET /settings and GET /.well-known/jwks.json: readiness and
 * the public configuration GoTrue advertises.
 */
import { sendJson } from "../http.ts";
import type { Call } from "../runtime.ts";

/** The GoTrue release the CLI pins; reported by /health as GoTrue does. */
export const GOTRUE_VERSION = "v2.189.0";

const EXTERNAL_PROVIDERS = [
  "anonymous_users",
  "apple",
  "azure",
  "bitbucket",
  "discord",
  "facebook",
  "figma",
  "fly",
  "github",
  "gitlab",
  "google",
  "keycloak",
  "kakao",
  "linkedin",
  "linkedin_oidc",
  "notion",
  "spotify",
  "slack",
  "slack_oidc",
  "workos",
  "twitch",
  "twitter",
  "x",
  "email",
  "phone",
  "zoom",
];

export async function health(call: Call): Promise<void> {
  sendJson(call.res, 200, {
    version: GOTRUE_VERSION,
    name: "GoTrue",
    description: "GoTrue is a user registration and authentication API",
  });
}

export async function settings(call: Call): Promise<void> {
  const s = call.rt.settings;
  const external: Record<string, boolean> = {};
  for (const provider of EXTERNAL_PROVIDERS) external[provider] = false;
  external.email = s.emailProviderEnabled;
  external.anonymous_users = s.anonymousSignIns;
  sendJson(call.res, 200, {
    external,
    disable_signup: s.disableSignup,
    mailer_autoconfirm: s.autoconfirm,
    phone_autoconfirm: false,
    sms_provider: "",
    saml_enabled: false,
    saml_private_key_next_configured: false,
    passkeys_enabled: false,
  });
}

export async function jwks(call: Call): Promise<void> {
  // The public signing keys; GoTrue never publishes symmetric ones (`{"keys":[]}` with HS256 only).
  sendJson(call.res, 200, { keys: call.rt.jwtKeys.jwks }, { "Cache-Control": "public, max-age=600" });
}
