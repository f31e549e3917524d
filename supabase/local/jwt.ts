/**
 * HS256 JWT signing and verification shared by the Auth and REST services (reference §B).
 * Verification reports *why* a token failed so each service can answer in its own dialect
 * (GoTrue's `bad_jwt` vs PostgREST's PGRST301/PGRST303).
 */
import { SignJWT, jwtVerify, errors, type JWTPayload } from "jose";

export type JwtClaims = JWTPayload & { role?: string; [claim: string]: unknown };

export type JwtFailure = "malformed" | "bad_signature" | "expired" | "unsupported_alg";

export type JwtResult = { ok: true; claims: JwtClaims } | { ok: false; reason: JwtFailure; message: string };

/** PostgREST tolerates 30 s of clock skew on exp/nbf/iat; GoTrue's verifier is no stricter in practice. */
const CLOCK_SKEW_SECONDS = 30;

const keyCache = new Map<string, Uint8Array>();
function keyFor(secret: string): Uint8Array {
  let key = keyCache.get(secret);
  if (!key) {
    key = new TextEncoder().encode(secret);
    keyCache.set(secret, key);
  }
  return key;
}

export async function signJwt(claims: JwtClaims, secret: string): Promise<string> {
  return new SignJWT(claims).setProtectedHeader({ alg: "HS256", typ: "JWT" }).sign(keyFor(secret));
}

export async function verifyJwt(token: string, secret: string): Promise<JwtResult> {
  try {
    const { payload } = await jwtVerify(token, keyFor(secret), {
      algorithms: ["HS256"],
      clockTolerance: CLOCK_SKEW_SECONDS,
    });
    return { ok: true, claims: payload as JwtClaims };
  } catch (error) {
    if (error instanceof errors.JWTExpired) return { ok: false, reason: "expired", message: "JWT expired" };
    if (error instanceof errors.JOSEAlgNotAllowed || error instanceof errors.JOSENotSupported) {
      return { ok: false, reason: "unsupported_alg", message: "Wrong or unsupported encoding algorithm" };
    }
    if (error instanceof errors.JWSSignatureVerificationFailed) {
      return { ok: false, reason: "bad_signature", message: "JWSError JWSInvalidSignature" };
    }
    return { ok: false, reason: "malformed", message: "Expected 3 parts in JWT; got malformed token" };
  }
}
