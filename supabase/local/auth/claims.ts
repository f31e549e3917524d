/**
 * The access-token claims GoTrue issues, in GoTrue's serialization order: iss, sub,
 * aud (a string), exp, iat, email, phone, app_metadata, user_metadata, role, aal, amr (newest
 * first), session_id, is_anonymous.
 */
import type { JwtClaims } from "../jwt.ts";

export interface AmrEntry {
  method: string;
  timestamp: number;
}

export interface ClaimsInput {
  issuer: string;
  userId: string;
  aud: string;
  email: string;
  phone: string;
  appMetadata: Record<string, unknown>;
  userMetadata: Record<string, unknown>;
  role: string;
  sessionId: string;
  amr: AmrEntry[];
  isAnonymous: boolean;
  /** Seconds since the epoch. */
  issuedAt: number;
  /** Lifetime in seconds (jwt_expiry). */
  expiresIn: number;
  aal?: string;
}

export function accessTokenClaims(input: ClaimsInput): JwtClaims {
  return {
    iss: input.issuer,
    sub: input.userId,
    aud: input.aud,
    exp: input.issuedAt + input.expiresIn,
    iat: input.issuedAt,
    email: input.email,
    phone: input.phone,
    app_metadata: input.appMetadata,
    user_metadata: input.userMetadata,
    role: input.role,
    aal: input.aal ?? "aal1",
    amr: [...input.amr].sort((a, b) => b.timestamp - a.timestamp),
    session_id: input.sessionId,
    is_anonymous: input.isAnonymous,
  };
}
