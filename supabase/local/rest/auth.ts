/**
 * Bearer JWT → database role and claims (PostgREST `Auth/Jwt.hs`). Verified tokens are
 * cached until they expire, so a client reusing its access token pays for the signature check once.
 */
import { verifyJwt, type JwtClaims, type JwtKeys } from "../jwt";
import { AuthError } from "./errors";

export interface Identity {
  role: string;
  claimsJson: string;
}

const CACHE_LIMIT = 10_000;
const CLOCK_SKEW_SECONDS = 30;

function invalidToken(code: string, message: string): AuthError {
  return new AuthError(401, code, message, null, null, {
    "WWW-Authenticate": `Bearer error="invalid_token", error_description="${message.replace(/["\\]/g, "")}"`,
  });
}

export class Authenticator {
  private readonly cache = new Map<string, { identity: Identity; exp: number | undefined }>();

  constructor(
    private readonly keys: JwtKeys,
    private readonly anonRole = "anon",
  ) {}

  async identify(bearer: string | null): Promise<Identity> {
    if (bearer === null || bearer === "")
      return { role: this.anonRole, claimsJson: JSON.stringify({ role: this.anonRole }) };
    const hit = this.cache.get(bearer);
    if (hit && (hit.exp === undefined || hit.exp + CLOCK_SKEW_SECONDS > Date.now() / 1000)) return hit.identity;
    const result = await verifyJwt(bearer, this.keys);
    if (!result.ok) {
      if (result.reason === "expired") throw invalidToken("PGRST303", "JWT expired");
      throw invalidToken("PGRST301", result.message);
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
