/**
 * JWT signing and verification shared by the Auth and REST services and the gateway.
 *
 * Keys work as in GoTrue with signing keys configured: tokens are signed with the one key whose
 * `key_ops` include "sign" (ES256 here; RS256 and HS256-with-kid also work), and a token verifies
 * against the key its header's `kid` names. A token whose `kid` is unknown (or absent) verifies with
 * the legacy HS256 secret only if its `alg` is HS256 — that keeps the long-lived anon/service_role
 * keys valid. `alg: none` and algorithms that do not match the key are refused.
 *
 * Verification reports *why* a token failed so each service can answer in its own dialect
 * (GoTrue's `bad_jwt` vs PostgREST's PGRST301/PGRST303); `message` is PostgREST's text for a token
 * of three parts (REST counts the parts itself first).
 */
import { SignJWT, jwtVerify, decodeProtectedHeader, errors, type JWTPayload, type JWK, type CryptoKey } from "jose";

export type JwtClaims = JWTPayload & { role?: string; [claim: string]: unknown };

export type JwtFailure = "malformed" | "bad_signature" | "expired" | "unsupported_alg" | "unknown_key";

export type JwtResult = { ok: true; claims: JwtClaims } | { ok: false; reason: JwtFailure; message: string };

/** A key a token may name by `kid`: its algorithm and the key that verifies it. */
export interface VerifyKey {
  alg: string;
  key: CryptoKey | Uint8Array;
}

export interface JwtKeys {
  /** The legacy HS256 secret (the CLI's `auth.jwt_secret`). */
  secret: Uint8Array;
  /** The key new tokens are signed with; null signs HS256 with the secret and no `kid`. */
  signing: { kid: string; alg: string; key: CryptoKey | Uint8Array } | null;
  /** kid → verification key, for every configured key. */
  byKid: Map<string, VerifyKey>;
  /** The public JWKs GoTrue serves at /.well-known/jwks.json (never the symmetric ones). */
  jwks: JWK[];
}

/** PostgREST tolerates 30 s of clock skew on exp/nbf/iat; GoTrue's verifier is no stricter in practice. */
const CLOCK_SKEW_SECONDS = 30;

const secretKeys = new Map<string, JwtKeys>();

/** Keys of a stack that has only the HS256 secret (no signing keys configured). */
export function hmacKeys(secret: string): JwtKeys {
  let keys = secretKeys.get(secret);
  if (!keys) {
    keys = { secret: new TextEncoder().encode(secret), signing: null, byKid: new Map(), jwks: [] };
    secretKeys.set(secret, keys);
  }
  return keys;
}

const asKeys = (keys: JwtKeys | string): JwtKeys => (typeof keys === "string" ? hmacKeys(keys) : keys);

/** Signs with the signing key (header `alg`, `kid`, `typ`), or HS256 with the secret when there is none. */
export async function signJwt(claims: JwtClaims, keys: JwtKeys | string): Promise<string> {
  const { signing, secret } = asKeys(keys);
  const jwt = new SignJWT(claims);
  if (!signing) return jwt.setProtectedHeader({ alg: "HS256", typ: "JWT" }).sign(secret);
  return jwt.setProtectedHeader({ alg: signing.alg, kid: signing.kid, typ: "JWT" }).sign(signing.key);
}

type KeyChoice = { ok: true; key: VerifyKey } | { ok: false; reason: JwtFailure; message: string };

/** Three base64url parts, nothing else (base64 decoders skip stray characters such as spaces). */
const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

/** GoTrue's keyfunc: the key the `kid` names, else the legacy secret for HS256, else refuse. */
function chooseKey(token: string, keys: JwtKeys): KeyChoice {
  let header: { alg?: unknown; kid?: unknown };
  try {
    if (!COMPACT_JWS.test(token)) throw new Error("not a compact JWS");
    header = decodeProtectedHeader(token);
  } catch {
    return { ok: false, reason: "malformed", message: "JWT cryptographic operation failed" };
  }
  const alg = typeof header.alg === "string" ? header.alg : "";
  const named = typeof header.kid === "string" ? keys.byKid.get(header.kid) : undefined;
  if (named) {
    if (named.alg !== alg) {
      return { ok: false, reason: "unsupported_alg", message: "Wrong or unsupported encoding algorithm" };
    }
    return { ok: true, key: named };
  }
  if (alg === "HS256") return { ok: true, key: { alg, key: keys.secret } };
  if (alg === "" || alg.toLowerCase() === "none" || typeof header.kid !== "string") {
    return { ok: false, reason: "unsupported_alg", message: "Wrong or unsupported encoding algorithm" };
  }
  return { ok: false, reason: "unknown_key", message: "No suitable key or wrong key type" };
}

export async function verifyJwt(token: string, keys: JwtKeys | string): Promise<JwtResult> {
  const choice = chooseKey(token, asKeys(keys));
  if (!choice.ok) return choice;
  try {
    const { payload } = await jwtVerify(token, choice.key.key, {
      algorithms: [choice.key.alg],
      clockTolerance: CLOCK_SKEW_SECONDS,
    });
    return { ok: true, claims: payload as JwtClaims };
  } catch (error) {
    if (error instanceof errors.JWTExpired) return { ok: false, reason: "expired", message: "JWT expired" };
    if (error instanceof errors.JOSEAlgNotAllowed || error instanceof errors.JOSENotSupported) {
      return { ok: false, reason: "unsupported_alg", message: "Wrong or unsupported encoding algorithm" };
    }
    if (error instanceof errors.JWSSignatureVerificationFailed) {
      return { ok: false, reason: "bad_signature", message: "No suitable key or wrong key type" };
    }
    return { ok: false, reason: "malformed", message: "JWT cryptographic operation failed" };
  }
}
