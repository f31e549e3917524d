/**
 * The JWT signing keys of `[auth] signing_keys_path`, in the Supabase CLI's format (what
 * `supabase gen signing-key` writes): a JSON array of private JWKs, each with a `kid` and an `alg`,
 * exactly one of them with "sign" in its `key_ops`. Public keys are published as GoTrue does: the
 * public part only, `use: "sig"`, `key_ops: ["verify"]`, symmetric (`oct`) keys never.
 */
import { readFileSync } from "node:fs";
import { importJWK, type JWK } from "jose";
import { hmacKeys, type JwtKeys, type VerifyKey } from "./jwt";

const SUPPORTED: Record<string, string> = { ES256: "EC", RS256: "RSA", HS256: "oct" };
const PRIVATE_PARAMS = new Set(["d", "p", "q", "dp", "dq", "qi", "oth", "k"]);
/** Only the key material goes to WebCrypto; `key_ops`/`use`/`ext` are about how GoTrue uses the key. */
const MATERIAL = ["kty", "crv", "x", "y", "n", "e", "d", "p", "q", "dp", "dq", "qi", "k"];
const PUBLIC_MATERIAL = ["kty", "crv", "x", "y", "n", "e"];

function pick(jwk: Record<string, unknown>, names: string[]): JWK {
  const out: Record<string, unknown> = {};
  for (const name of names) if (jwk[name] !== undefined) out[name] = jwk[name];
  return out as JWK;
}

/** GoTrue's published form of a private JWK: public members in name order, plus use and key_ops. */
export function publicJwk(jwk: Record<string, unknown>): JWK {
  const out: Record<string, unknown> = { ...jwk, use: "sig", key_ops: ["verify"] };
  for (const name of PRIVATE_PARAMS) delete out[name];
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : 1))) as JWK;
}

function checkKey(value: unknown, index: number): Record<string, unknown> {
  const where = `signing key ${index + 1}`;
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw new Error(`${where} is not a JWK`);
  const jwk = value as Record<string, unknown>;
  if (typeof jwk.kid !== "string" || jwk.kid === "") throw new Error(`${where} has no "kid"`);
  const alg = typeof jwk.alg === "string" ? jwk.alg : "";
  const kty = SUPPORTED[alg];
  if (!kty) throw new Error(`${where} (${jwk.kid}): "alg" must be one of ${Object.keys(SUPPORTED).join(", ")}`);
  if (jwk.kty !== kty) throw new Error(`${where} (${jwk.kid}): alg ${alg} needs kty ${kty}`);
  if (kty !== "oct" && typeof jwk.d !== "string") throw new Error(`${where} (${jwk.kid}) is not a private key`);
  return jwk;
}

const signs = (jwk: Record<string, unknown>) => Array.isArray(jwk.key_ops) && jwk.key_ops.includes("sign");

/** Pure but for WebCrypto: parsed JSON + the legacy secret → the keys the services sign and verify with. */
export async function jwtKeysFrom(json: unknown, secret: string): Promise<JwtKeys> {
  if (!Array.isArray(json)) throw new Error("the signing keys file must hold a JSON array of JWKs");
  const jwks = json.map(checkKey);
  const signers = jwks.filter(signs);
  if (signers.length !== 1) {
    throw new Error(`exactly one signing key must have "sign" in key_ops (found ${signers.length})`);
  }
  const byKid = new Map<string, VerifyKey>();
  const published: JWK[] = [];
  for (const jwk of jwks) {
    const alg = jwk.alg as string;
    const isOct = jwk.kty === "oct";
    const publicPart = pick(jwk, isOct ? ["kty", "k"] : PUBLIC_MATERIAL);
    byKid.set(jwk.kid as string, { alg, key: (await importJWK(publicPart, alg)) as VerifyKey["key"] });
    if (!isOct) published.push(publicJwk(jwk));
  }
  const signer = signers[0] as Record<string, unknown>;
  const signingKey = (await importJWK(pick(signer, MATERIAL), signer.alg as string)) as VerifyKey["key"];
  return {
    secret: hmacKeys(secret).secret,
    signing: { kid: signer.kid as string, alg: signer.alg as string, key: signingKey },
    byKid,
    jwks: published,
  };
}

/** Reads `signing_keys_path`; null means none configured (HS256 with the secret, as GoTrue's default). */
export async function loadJwtKeys(file: string | null, secret: string): Promise<JwtKeys> {
  if (file === null) return hmacKeys(secret);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new Error(`cannot read signing keys ${file}: ${(error as Error).message}`);
  }
  try {
    return await jwtKeysFrom(json, secret);
  } catch (error) {
    throw new Error(`invalid signing keys ${file}: ${(error as Error).message}`);
  }
}
