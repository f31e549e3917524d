/**
 * Building the URLs GET /verify redirects to, byte-compatible with Go's net/url: `url.Values.Encode`
 * sorts keys and escapes with QueryEscape (space → '+', only A-Z a-z 0-9 - _ . ~ left bare).
 */

export function goQueryEscape(value: string): string {
  return encodeURIComponent(value)
    .replace(/%20/g, "+")
    .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

export function goValuesEncode(values: Record<string, string>): string {
  return Object.keys(values)
    .sort()
    .map((key) => `${goQueryEscape(key)}=${goQueryEscape(values[key] ?? "")}`)
    .join("&");
}

function splitUrl(url: string): { base: string; query: Record<string, string> } {
  const noFragment = url.split("#")[0] ?? "";
  const q = noFragment.indexOf("?");
  if (q === -1) return { base: noFragment, query: {} };
  const query: Record<string, string> = {};
  for (const [k, v] of new URLSearchParams(noFragment.slice(q + 1))) if (!(k in query)) query[k] = v;
  return { base: noFragment.slice(0, q), query };
}

/** Implicit flow success: tokens in the fragment (tokens.AccessTokenResponse.AsRedirectURL). */
export function tokenFragmentUrl(redirectTo: string, session: Record<string, unknown>, type: string): string {
  return `${redirectTo}#${goValuesEncode({
    access_token: String(session.access_token),
    expires_at: String(session.expires_at),
    expires_in: String(session.expires_in),
    refresh_token: String(session.refresh_token),
    sb: "",
    token_type: String(session.token_type),
    type,
  })}`;
}

/** PKCE success: `?code=<auth code>` added to the redirect's query. */
export function codeQueryUrl(redirectTo: string, code: string): string {
  const { base, query } = splitUrl(redirectTo);
  return `${base}?${goValuesEncode({ ...query, code })}`;
}

const OAUTH_ERROR: Record<number, string> = {
  400: "invalid_request",
  401: "unauthorized_client",
  403: "access_denied",
  500: "server_error",
  503: "temporarily_unavailable",
};

/** prepErrorRedirectURL: error params in the fragment (and the query too for PKCE). */
export function errorRedirectUrl(
  redirectTo: string,
  status: number,
  code: string,
  description: string,
  pkce: boolean,
): string {
  const { base, query } = splitUrl(redirectTo);
  const params: Record<string, string> = { error_code: code, error_description: description };
  const oauth = OAUTH_ERROR[status];
  if (oauth) params.error = oauth;
  const fullQuery = pkce ? { ...query, ...params } : query;
  const queryText = Object.keys(fullQuery).length > 0 ? `?${goValuesEncode(fullQuery)}` : "";
  return `${base}${queryText}#${goValuesEncode({ ...params, sb: "" })}`;
}

/** prepRedirectURL: an informational message (first half of a secure email change). */
export function messageRedirectUrl(redirectTo: string, message: string, pkce: boolean): string {
  const { base, query } = splitUrl(redirectTo);
  const fullQuery = pkce ? { ...query, message } : query;
  const queryText = Object.keys(fullQuery).length > 0 ? `?${goValuesEncode(fullQuery)}` : "";
  return `${base}${queryText}#${goValuesEncode({ message, sb: "" })}`;
}
