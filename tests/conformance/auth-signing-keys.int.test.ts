/**
 * Asymmetric signing keys, through supabase-js as an app uses them: access tokens carry the `kid` of
 * a published ES256 key, `getClaims()` verifies them without asking Auth, the legacy HS256 anon and
 * service_role keys keep working, and tokens an attacker can make (another key under the published
 * kid, an unknown kid, `alg: none`, HS256 keyed with the public key) are refused by Auth and REST.
 */
import { generateKeyPairSync, randomUUID } from "node:crypto";
import { createClient } from "@supabase/supabase-js";
import { SignJWT, decodeProtectedHeader, importJWK, type JWK } from "jose";
import { beforeAll, describe, expect, it } from "vitest";
import { signJwt } from "@/supabase/local/jwt";
import { LOCAL_JWT_SECRET } from "@/supabase/local/keys";
import { adminClient, anonClient, confirmedUser, decodeClaims, env, PASSWORD, rawAuth } from "./auth-support";

interface PublishedKey extends JWK {
  kid: string;
}

let jwk: PublishedKey;
let user: { email: string; id: string };
let accessToken = "";

beforeAll(async () => {
  const res = await rawAuth("/.well-known/jwks.json");
  jwk = ((await res.json()) as { keys: PublishedKey[] }).keys[0] as PublishedKey;
  user = await confirmedUser("keys");
  const { data, error } = await anonClient().auth.signInWithPassword({ email: user.email, password: PASSWORD });
  if (error || !data.session) throw new Error(`sign-in failed: ${error?.message}`);
  accessToken = data.session.access_token;
});

/** A client whose every request to the stack is recorded. */
function countingClient() {
  const seen: string[] = [];
  const client = createClient(env.url, env.anonKey, {
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false, storageKey: randomUUID() },
    global: {
      fetch: (input, init) => {
        seen.push(new URL(input instanceof Request ? input.url : String(input)).pathname);
        return fetch(input, init);
      },
    },
  });
  return { client, seen };
}

function claims(sub = user.id) {
  const now = Math.floor(Date.now() / 1000);
  return { sub, role: "authenticated", aud: "authenticated", iat: now, exp: now + 600, session_id: randomUUID() };
}

async function foreignEs256(header: Record<string, string>): Promise<string> {
  const { privateKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
  const key = await importJWK(privateKey.export({ format: "jwk" }) as JWK, "ES256");
  return new SignJWT(claims()).setProtectedHeader({ alg: "ES256", typ: "JWT", ...header }).sign(key);
}

function unsignedToken(kid: string): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
  return `${part({ alg: "none", typ: "JWT", kid })}.${part({ ...claims(), role: "service_role" })}.`;
}

async function restAs(token: string) {
  return fetch(`${env.url}/rest/v1/user_profiles?select=user_id&limit=1`, {
    headers: { apikey: env.anonKey, Authorization: `Bearer ${token}` },
  });
}

describe("the published key", () => {
  it("JWKS holds one public ES256 key with GoTrue's members, cached for ten minutes", async () => {
    const res = await rawAuth("/.well-known/jwks.json");
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("public, max-age=600");
    const { keys } = (await res.json()) as { keys: Record<string, unknown>[] };
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatchObject({ kty: "EC", crv: "P-256", alg: "ES256", use: "sig", key_ops: ["verify"] });
    for (const secretPart of ["d", "k"]) expect(keys[0]).not.toHaveProperty(secretPart);
  });

  it("is served without an apikey, as GoTrue serves it to any verifier", async () => {
    const res = await fetch(`${env.url}/auth/v1/.well-known/jwks.json`);
    expect(res.status).toBe(200);
  });

  it("access tokens name it: alg ES256, its kid, typ JWT; the claims are GoTrue's", () => {
    expect(decodeProtectedHeader(accessToken)).toEqual({ alg: "ES256", kid: jwk.kid, typ: "JWT" });
    expect(decodeClaims(accessToken)).toMatchObject({ sub: user.id, role: "authenticated", is_anonymous: false });
  });
});

describe("getClaims() verifies locally", () => {
  it("fetches the JWKS at most once and never asks /user", async () => {
    const { client, seen } = countingClient();
    for (let i = 0; i < 3; i++) {
      const { data, error } = await client.auth.getClaims(accessToken);
      expect(error).toBeNull();
      expect(data?.claims.sub).toBe(user.id);
      expect(data?.header).toMatchObject({ alg: "ES256", kid: jwk.kid });
    }
    expect(seen.filter((path) => path.endsWith("/user"))).toEqual([]);
    expect(seen.filter((path) => path.endsWith("/.well-known/jwks.json")).length).toBeLessThanOrEqual(1);
  });

  it("refuses a token signed by another key under the published kid", async () => {
    const { client } = countingClient();
    const { data, error } = await client.auth.getClaims(await foreignEs256({ kid: jwk.kid }));
    expect(data).toBeNull();
    expect(error?.message).toMatch(/signature/i);
  });
});

describe("Auth and REST accept the project's tokens", () => {
  it("the ES256 access token: /user answers and REST reads as the user", async () => {
    const { data, error } = await anonClient().auth.getUser(accessToken);
    expect(error).toBeNull();
    expect(data.user?.id).toBe(user.id);
    expect((await restAs(accessToken)).status).toBe(200);
  });

  it("the legacy HS256 anon and service_role keys", async () => {
    // The anon key reaches Postgres as anon (which has no grant on the table: 42501, not PGRST301).
    const asAnon = await anonClient().from("user_profiles").select("user_id").limit(1);
    expect(asAnon.error?.code).toBe("42501");
    const asService = await adminClient().from("user_profiles").select("user_id").limit(1);
    expect(asService.error).toBeNull();
    const listed = await adminClient().auth.admin.listUsers({ page: 1, perPage: 1 });
    expect(listed.error).toBeNull();
  });

  it("a user token signed HS256 with the legacy secret (tokens issued before the key change)", async () => {
    const legacy = await signJwt({ ...claims(), session_id: decodeClaims(accessToken).session_id }, LOCAL_JWT_SECRET);
    expect((await anonClient().auth.getUser(legacy)).data.user?.id).toBe(user.id);
    expect((await restAs(legacy)).status).toBe(200);
  });
});

describe("forged tokens are refused by Auth (403 bad_jwt) and REST (401 PGRST301)", () => {
  const cases: [string, () => Promise<string>][] = [
    ["another key under the published kid", () => foreignEs256({ kid: jwk.kid })],
    ["an unknown kid", () => foreignEs256({ kid: randomUUID() })],
    ["ES256 without a kid", () => foreignEs256({})],
    ["alg none under the published kid", async () => unsignedToken(jwk.kid)],
    [
      "HS256 under the published kid, keyed with the public key",
      () =>
        new SignJWT(claims())
          .setProtectedHeader({ alg: "HS256", typ: "JWT", kid: jwk.kid })
          .sign(new TextEncoder().encode(JSON.stringify(jwk))),
    ],
  ];

  it.each(cases)("%s", async (_name, make) => {
    const token = await make();
    const auth = await rawAuth("/user", { headers: { Authorization: `Bearer ${token}` } });
    expect(auth.status).toBe(403);
    expect(((await auth.json()) as { code: string }).code).toBe("bad_jwt");
    const rest = await restAs(token);
    expect(rest.status).toBe(401);
    expect(((await rest.json()) as { code: string }).code).toBe("PGRST301");
  });

  it("an apikey signed by another key is not a project key", async () => {
    const res = await fetch(`${env.url}/rest/v1/user_profiles?select=user_id`, {
      headers: { apikey: await foreignEs256({ kid: jwk.kid }) },
    });
    expect(res.status).toBe(401);
    expect(((await res.json()) as { message: string }).message).toBe("Invalid API key");
  });
});
