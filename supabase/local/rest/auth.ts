/**
 * Authorization header → database role and claims (PostgREST `Auth.hs`, `Auth/Jwt.hs`). Verified tokens
 * are cached until they expire, so a client reusing its access token pays for the signature check once.
 */
import { verifyJwt, type JwtClaims, type JwtKeys } from "../jwt";
import { AuthError } from "./errors";

export interface Identity {
  role: string;
  claimsJson: string;
}

const CACHE_LIMIT = 10_000;
const CLOCK_SKEW_SECONDS = 30;

function invalidToken(code: string, message: string, details: string | null = null): AuthError {
  return new AuthError(401, code, message, details, null, {
    "WWW-Authenticate": `Bearer error="invalid_token", error_description="${message.replace(/["\\]/g, "")}"`,
  });
}

/**
 * The token PostgREST reads (wai-extra's bearer rule): the first word is `bearer` in any case, the
 * token is what follows it, leading whitespace dropped — "" for a bare `Bearer`. Null when there is
 * no header or the first word is another scheme (the request then runs as anon).
 */
export function bearerToken(authorization: string | null): string | null {
  const match = authorization === null ? null : /^bearer(\s.*)?$/is.exec(authorization);
  return match ? (match[1] ?? "").trimStart() : null;
}

export class Authenticator {
  private readonly cache = new Map<string, { identity: Identity; exp: number | undefined }>();

  constructor(
    private readonly keys: JwtKeys,
    private readonly anonRole = "anon",
  ) {}

  async identify(authorization: string | null): Promise<Identity> {
    const bearer = bearerToken(authorization);
    if (bearer === null) return { role: this.anonRole, claimsJson: JSON.stringify({ role: this.anonRole }) };
    // A `Bearer` scheme with nothing after it is refused, not taken for anon.
    if (bearer === "") throw invalidToken("PGRST301", "Empty JWT is sent in Authorization header");
    const hit = this.cache.get(bearer);
    if (hit && (hit.exp === undefined || hit.exp + CLOCK_SKEW_SECONDS > Date.now() / 1000)) return hit.identity;
    const parts = bearer.split(".").length;
    if (parts !== 3) throw invalidToken("PGRST301", `Expected 3 parts in JWT; got ${parts}`);
    const result = await verifyJwt(bearer, this.keys);
    if (!result.ok) {
      if (result.reason === "expired") throw invalidToken("PGRST303", "JWT expired");
      // jose-jwt tries every key and reports that none verified.
      const details = result.reason === "bad_signature" ? "None of the keys was able to decode the JWT" : null;
      throw invalidToken("PGRST301", result.message, details);
    }
    const identity = toIdentity(result.claims, this.anonRole);
    if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
    this.cache.set(bearer, { identity, exp: typeof result.claims.exp === "number" ? result.claims.exp : undefined });
    return identity;
  }
}

function toIdentity(claims: JwtClaims, anonRole: string): Identity {
  const role = typeof claims.role === "string" && claims.role !== "" ? claims.role : anonRole;
  // PostgREST always writes `role` into request.jwt.claims, even when the token had none.
  return { role, claimsJson: JSON.stringify({ ...claims, role }) };
}
