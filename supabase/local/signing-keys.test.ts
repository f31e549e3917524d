import { generateKeyPairSync, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { SignJWT, decodeProtectedHeader, importJWK, type JWK } from "jose";
import { describe, expect, it } from "vitest";
import { hmacKeys, signJwt, verifyJwt } from "./jwt";
import { LOCAL_ANON_KEY, LOCAL_JWT_SECRET, LOCAL_SERVICE_ROLE_KEY } from "./keys";
import { jwtKeysFrom, loadJwtKeys } from "./signing-keys";

const COMMITTED = path.resolve(import.meta.dirname, "..", "signing_keys.json");
const committedJwks = () => JSON.parse(readFileSync(COMMITTED, "utf8")) as Record<string, unknown>[];
const claims = () => ({ sub: randomUUID(), role: "authenticated", exp: Math.floor(Date.now() / 1000) + 600 });

function privateJwk(alg: "ES256" | "RS256", kid = randomUUID()): Record<string, unknown> {
  const { privateKey } =
    alg === "ES256"
      ? generateKeyPairSync("ec", { namedCurve: "P-256" })
      : generateKeyPairSync("rsa", { modulusLength: 2048 });
  return { ...privateKey.export({ format: "jwk" }), kid, alg, key_ops: ["sign", "verify"] };
}

/** A token signed with `jwk` but whose header says what the attacker wants. */
async function signedWith(jwk: Record<string, unknown>, header: { alg: string; kid?: string }): Promise<string> {
  const key = await importJWK({ kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y, d: jwk.d } as JWK, "ES256");
  return new SignJWT(claims()).setProtectedHeader({ ...header, typ: "JWT" }).sign(key);
}

describe("the committed development signing key", () => {
  it("is one ES256 signing key, and the stack signs with it", async () => {
    const keys = await loadJwtKeys(COMMITTED, LOCAL_JWT_SECRET);
    const [jwk] = committedJwks();
    const token = await signJwt(claims(), keys);
    expect(decodeProtectedHeader(token)).toEqual({ alg: "ES256", kid: jwk?.kid, typ: "JWT" });
    expect((await verifyJwt(token, keys)).ok).toBe(true);
  });

  it("is published as GoTrue publishes it: public part only, use sig, key_ops verify", async () => {
    const keys = await loadJwtKeys(COMMITTED, LOCAL_JWT_SECRET);
    const [jwk] = committedJwks();
    expect(keys.jwks).toEqual([
      {
        alg: "ES256",
        crv: "P-256",
        ext: true,
        key_ops: ["verify"],
        kid: jwk?.kid,
        kty: "EC",
        use: "sig",
        x: jwk?.x,
        y: jwk?.y,
      },
    ]);
    expect(Object.keys(keys.jwks[0] ?? {})).toEqual(["alg", "crv", "ext", "key_ops", "kid", "kty", "use", "x", "y"]);
  });

  it("leaves the legacy HS256 anon and service_role keys valid", async () => {
    const keys = await loadJwtKeys(COMMITTED, LOCAL_JWT_SECRET);
    for (const key of [LOCAL_ANON_KEY, LOCAL_SERVICE_ROLE_KEY]) expect((await verifyJwt(key, keys)).ok).toBe(true);
  });
});

describe("verification refuses what an attacker can make", () => {
  it("a token signed by another key under the published kid", async () => {
    const keys = await loadJwtKeys(COMMITTED, LOCAL_JWT_SECRET);
    const kid = committedJwks()[0]?.kid as string;
    const forged = await signedWith(privateJwk("ES256"), { alg: "ES256", kid });
    expect(await verifyJwt(forged, keys)).toMatchObject({ ok: false, reason: "bad_signature" });
  });

  it("a kid the stack does not know, and an ES256 token with no kid", async () => {
    const keys = await loadJwtKeys(COMMITTED, LOCAL_JWT_SECRET);
    const other = privateJwk("ES256");
    const unknown = await signedWith(other, { alg: "ES256", kid: other.kid as string });
    expect(await verifyJwt(unknown, keys)).toMatchObject({ ok: false, reason: "unknown_key" });
    expect(await verifyJwt(await signedWith(other, { alg: "ES256" }), keys)).toMatchObject({ ok: false });
  });

  it("alg none, with or without the kid", async () => {
    const keys = await loadJwtKeys(COMMITTED, LOCAL_JWT_SECRET);
    const kid = committedJwks()[0]?.kid as string;
    const body = Buffer.from(JSON.stringify({ ...claims(), role: "service_role" })).toString("base64url");
    for (const header of [{ alg: "none" }, { alg: "none", kid }]) {
      const token = `${Buffer.from(JSON.stringify(header)).toString("base64url")}.${body}.`;
      expect(await verifyJwt(token, keys)).toMatchObject({ ok: false, reason: "unsupported_alg" });
    }
  });

  it("HS256 under the ES256 kid, keyed with the public key (algorithm confusion)", async () => {
    const keys = await loadJwtKeys(COMMITTED, LOCAL_JWT_SECRET);
    const jwk = committedJwks()[0] ?? {};
    const publicText = new TextEncoder().encode(JSON.stringify(keys.jwks[0]));
    const token = await new SignJWT(claims())
      .setProtectedHeader({ alg: "HS256", kid: jwk.kid as string, typ: "JWT" })
      .sign(publicText);
    expect(await verifyJwt(token, keys)).toMatchObject({ ok: false, reason: "unsupported_alg" });
  });

  it("an HS256 token signed with another secret", async () => {
    const keys = await loadJwtKeys(COMMITTED, LOCAL_JWT_SECRET);
    const forged = await signJwt(claims(), "not-the-project-secret-not-the-project-secret");
    expect(await verifyJwt(forged, keys)).toMatchObject({ ok: false, reason: "bad_signature" });
  });
});

describe("other key files in the CLI's format", () => {
  it("RS256 (what the Supabase client tests sign with) signs and verifies, HS256 keys stay accepted", async () => {
    const rsa = privateJwk("RS256");
    const keys = await jwtKeysFrom([rsa], LOCAL_JWT_SECRET);
    const token = await signJwt(claims(), keys);
    expect(decodeProtectedHeader(token)).toMatchObject({ alg: "RS256", kid: rsa.kid });
    expect((await verifyJwt(token, keys)).ok).toBe(true);
    expect(keys.jwks[0]).toMatchObject({ kty: "RSA", alg: "RS256", kid: rsa.kid, e: "AQAB" });
    expect(keys.jwks[0]).not.toHaveProperty("d");
    expect((await verifyJwt(LOCAL_ANON_KEY, keys)).ok).toBe(true);
  });

  it("a symmetric key with a kid verifies by kid and is never published", async () => {
    const oct = { kty: "oct", k: Buffer.from("k".repeat(32)).toString("base64url"), kid: "hmac-1", alg: "HS256" };
    const signer = privateJwk("ES256");
    const keys = await jwtKeysFrom([oct, signer], LOCAL_JWT_SECRET);
    expect(keys.jwks.map((k) => k.kid)).toEqual([signer.kid]);
    const token = await new SignJWT(claims())
      .setProtectedHeader({ alg: "HS256", kid: "hmac-1" })
      .sign(Buffer.from("k".repeat(32)));
    expect((await verifyJwt(token, keys)).ok).toBe(true);
  });

  it.each<[string, unknown, string]>([
    ["not an array", { keys: [] }, "JSON array"],
    ["no signing key", [{ ...privateJwk("ES256"), key_ops: ["verify"] }], "exactly one signing key"],
    ["two signing keys", [privateJwk("ES256"), privateJwk("ES256")], "exactly one signing key"],
    ["no kid", [{ ...privateJwk("ES256"), kid: undefined }], 'no "kid"'],
    ["an unsupported alg", [{ ...privateJwk("ES256"), alg: "ES512" }], '"alg" must be one of'],
    ["a public key only", [{ ...privateJwk("ES256"), d: undefined }], "not a private key"],
  ])("refuses %s with a message that says why", async (_name, json, message) => {
    await expect(jwtKeysFrom(json, LOCAL_JWT_SECRET)).rejects.toThrow(message);
  });

  it("without a signing keys file, signs HS256 without kid and publishes nothing (GoTrue's default)", async () => {
    const keys = await loadJwtKeys(null, LOCAL_JWT_SECRET);
    expect(keys).toBe(hmacKeys(LOCAL_JWT_SECRET));
    expect(decodeProtectedHeader(await signJwt(claims(), keys))).toEqual({ alg: "HS256", typ: "JWT" });
    expect(keys.jwks).toEqual([]);
  });
});
