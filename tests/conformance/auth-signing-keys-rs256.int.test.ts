/**
 * An RS256 signing key (what the Supabase client test suites and many self-hosted projects use),
 * as a project sets it with `[auth] signing_keys_path`: access tokens name its kid, the JWKS publishes
 * its public part only, `getClaims()` verifies locally, and an apikey signed with it passes the gateway.
 * Covered by a second Auth service with that key (local stack only).
 */
import { generateKeyPairSync, randomUUID } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createClient } from "@supabase/supabase-js";
import { decodeProtectedHeader, importJWK, SignJWT, type JWK } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { confirmedUser, PASSWORD } from "./auth-support";
import { startLocalAuth, type LocalAuth } from "./auth-local-instance";

const kid = randomUUID();
const privateJwk = {
  ...generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ format: "jwk" }),
  kid,
  alg: "RS256",
  key_ops: ["sign", "verify"],
};
const dir = mkdtempSync(path.join(tmpdir(), "rs256-"));
let local: LocalAuth;
/** An anon apikey minted with the project's RS256 key, as the auth-js suite mints its keys. */
let rsaAnonKey = "";

beforeAll(async () => {
  const file = path.join(dir, "signing_keys.json");
  writeFileSync(file, JSON.stringify([privateJwk]));
  local = await startLocalAuth(`[auth]\nsigning_keys_path = ${JSON.stringify(file)}\n`, { gateway: true });
  const { key_ops: _ops, ...signer } = privateJwk;
  const key = await importJWK(signer as JWK, "RS256");
  rsaAnonKey = await new SignJWT({ iss: "supabase-demo", role: "anon", exp: Math.floor(Date.now() / 1000) + 3600 })
    .setProtectedHeader({ alg: "RS256", kid, typ: "JWT" })
    .sign(key);
});
afterAll(async () => {
  await local?.close();
  rmSync(dir, { recursive: true, force: true });
});

function client() {
  return createClient(local.url, rsaAnonKey, {
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false, storageKey: randomUUID() },
  });
}

describe("an RS256 signing key", () => {
  it("JWKS publishes the RSA public key only", async () => {
    const res = await fetch(`${local.url}/auth/v1/.well-known/jwks.json`);
    const { keys } = (await res.json()) as { keys: Record<string, unknown>[] };
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatchObject({ kty: "RSA", alg: "RS256", kid, use: "sig", key_ops: ["verify"], e: "AQAB" });
    for (const secret of ["d", "p", "q", "dp", "dq", "qi"]) expect(keys[0]).not.toHaveProperty(secret);
  });

  it("an apikey signed with it passes the gateway; tokens are RS256 under its kid and verify locally", async () => {
    const { email, id } = await confirmedUser("rs256");
    const supabase = client();
    const { data, error } = await supabase.auth.signInWithPassword({ email, password: PASSWORD });
    expect(error).toBeNull();
    expect(decodeProtectedHeader(data.session?.access_token ?? "")).toEqual({ alg: "RS256", kid, typ: "JWT" });

    const claims = await supabase.auth.getClaims();
    expect(claims.error).toBeNull();
    expect(claims.data?.claims.sub).toBe(id);
    const user = await supabase.auth.getUser();
    expect(user.data.user?.id).toBe(id);
  });

  it("an RS256 token under its kid but signed by another key is refused: 403 bad_jwt", async () => {
    const other = await importJWK(
      generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ format: "jwk" }) as JWK,
      "RS256",
    );
    const now = Math.floor(Date.now() / 1000);
    const forged = await new SignJWT({ sub: randomUUID(), role: "authenticated", iat: now, exp: now + 600 })
      .setProtectedHeader({ alg: "RS256", kid, typ: "JWT" })
      .sign(other);
    const res = await fetch(`${local.url}/auth/v1/user`, {
      headers: { apikey: rsaAnonKey, Authorization: `Bearer ${forged}`, "X-Supabase-Api-Version": "2024-01-01" },
    });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { code: string }).code).toBe("bad_jwt");
  });
});
