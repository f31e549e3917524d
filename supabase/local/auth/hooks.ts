/**
 * Auth hooks backed by Postgres functions (`[auth.hook.<name>]` with `uri = "pg-functions://postgres/<schema>/<function>"`),
 * run as GoTrue runs them: `select "<schema>"."<function>"($1)` with the event as JSON, under a 2 s
 * statement timeout. A function that fails, or answers `{"error": {"http_code", "message"}}`, fails
 * the request. The custom access token hook runs inside the transaction that issues the token, so
 * nothing of it is kept then; the others run in their own transaction (hook-events.ts).
 */
import { randomUUID } from "node:crypto";
import type { JwtClaims } from "../jwt.ts";
import type { Db } from "./db.ts";
import { AuthError, internalError } from "./errors.ts";

/** The hooks this stack runs. Others (HTTP endpoints, SMS, mail senders) need a service it cannot stand in for. */
const EMULATED_HOOKS = [
  "custom_access_token",
  "before_user_created",
  "password_verification_attempt",
  "mfa_verification_attempt",
];

const PG_NAME = /^[a-zA-Z_][a-zA-Z0-9_$]{0,62}$/;

/** A hook's URI as configured and the function it names, quoted (`"schema"."function"`). */
export interface PgHook {
  uri: string;
  fn: string;
}

/** `pg-functions://postgres/<schema>/<function>` → the hook; throws an Error naming the problem. */
export function pgHookOfUri(hook: string, uri: string): PgHook {
  const match = /^pg-functions:\/\/[^/]*\/([^/]+)\/([^/]+)$/i.exec(uri);
  if (!match) {
    throw new Error(
      `auth.hook.${hook}.uri: only pg-functions://postgres/<schema>/<function> hooks are emulated locally, got "${uri}"`,
    );
  }
  const [, schema = "", fn = ""] = match;
  for (const name of [schema, fn]) {
    if (!PG_NAME.test(name)) throw new Error(`auth.hook.${hook}.uri: invalid Postgres name "${name}"`);
  }
  return { uri, fn: `"${schema}"."${fn}"` };
}

export interface EmulatedHooks {
  customAccessToken: PgHook | null;
  beforeUserCreated: PgHook | null;
  passwordVerificationAttempt: PgHook | null;
  mfaVerificationAttempt: PgHook | null;
}

/** The enabled hooks (name → uri) → what the service runs; throws for a hook it does not emulate. */
export function emulatedHooks(enabled: Record<string, string>): EmulatedHooks {
  for (const name of Object.keys(enabled)) {
    if (!EMULATED_HOOKS.includes(name)) {
      throw new Error(`auth.hook.${name} is not emulated by the local stack (only ${EMULATED_HOOKS.join(", ")})`);
    }
  }
  const hook = (name: string) => {
    const uri = enabled[name];
    return uri === undefined ? null : pgHookOfUri(name, uri);
  };
  return {
    customAccessToken: hook("custom_access_token"),
    beforeUserCreated: hook("before_user_created"),
    passwordVerificationAttempt: hook("password_verification_attempt"),
    mfaVerificationAttempt: hook("mfa_verification_attempt"),
  };
}

/** The `metadata` of every hook event (GoTrue's hook names, not the config keys). */
export function hookMetadata(name: string, ip: string | null): Record<string, string> {
  return { uuid: randomUUID(), time: new Date().toISOString(), name, ...(ip ? { ip_address: ip } : {}) };
}

/** The claims GoTrue requires in a hook's answer (its MinimumViableTokenSchema), with their JSON types. */
const REQUIRED_CLAIMS = ["aud", "exp", "iat", "sub", "email", "phone", "role", "aal", "session_id", "is_anonymous"];
const CLAIM_TYPES: Record<string, string[]> = {
  aud: ["string", "array"],
  exp: ["integer"],
  jti: ["string"],
  iat: ["integer"],
  iss: ["string"],
  nbf: ["integer"],
  sub: ["string"],
  email: ["string"],
  phone: ["string"],
  app_metadata: ["object"],
  user_metadata: ["object"],
  role: ["string"],
  aal: ["string"],
  amr: ["array"],
  session_id: ["string"],
  client_id: ["string"],
};

function jsonType(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value;
}

/** GoTrue's check of the hook's claims; the message lists every problem as gojsonschema words it. */
export function claimProblems(claims: Record<string, unknown>): string[] {
  const problems = REQUIRED_CLAIMS.filter((claim) => !(claim in claims)).map((claim) => `(root): ${claim} is required`);
  for (const [claim, types] of Object.entries(CLAIM_TYPES)) {
    if (!(claim in claims)) continue;
    const given = jsonType(claims[claim]);
    const ok = types.includes(given) || (given === "integer" && types.includes("number"));
    if (!ok) problems.push(`${claim}: Invalid type. Expected: ${types.join("|")}, given: ${given}`);
  }
  return problems;
}

export async function runPgHook(db: Db, hook: PgHook, input: unknown): Promise<unknown> {
  try {
    await db.query(`set local statement_timeout to '2000'`);
    const [row] = await db.query<{ output: unknown }>(`select ${hook.fn}($1) as output`, [JSON.stringify(input)]);
    await db.query(`set local statement_timeout to default`);
    return row?.output ?? null;
  } catch (error) {
    throw internalError(`Error running hook URI: ${hook.uri}`, error);
  }
}

/** `{"error": {"http_code", "message"}}` from a hook → GoTrue's error (a message is needed; 500 by default). */
export function hookError(output: unknown): AuthError | null {
  const error = (output as { error?: { http_code?: unknown; message?: unknown } } | null)?.error;
  if (!error || typeof error.message !== "string" || error.message === "") return null;
  const status = typeof error.http_code === "number" && error.http_code !== 0 ? error.http_code : 500;
  return new AuthError(status, status === 500 ? "unexpected_failure" : "unknown", error.message);
}

function schemaError(problems: string[]): AuthError {
  return internalError(
    `output claims do not conform to the expected schema: \n${problems.map((p) => `- ${p}\n`).join("")}`,
  );
}

/** Runs the custom access token hook; returns the claims to sign. */
export async function customizeAccessToken(
  db: Db,
  hook: PgHook,
  event: { userId: string; claims: JwtClaims; authenticationMethod: string; ip: string | null },
): Promise<JwtClaims> {
  const output = await runPgHook(db, hook, {
    metadata: hookMetadata("customize-access-token", event.ip),
    user_id: event.userId,
    claims: event.claims,
    authentication_method: event.authenticationMethod,
  });
  const failure = hookError(output);
  if (failure) throw failure;
  if (output === null) throw schemaError(["(root): Invalid type. Expected: object, given: null"]);
  if (typeof output !== "object" || output === null || !("claims" in output)) {
    throw internalError("output claims field is missing");
  }
  const claims = (output as { claims: unknown }).claims;
  if (typeof claims !== "object" || claims === null || Array.isArray(claims)) {
    throw internalError("Error unmarshaling JSON output.");
  }
  const problems = claimProblems(claims as Record<string, unknown>);
  if (problems.length > 0) throw schemaError(problems);
  return claims as JwtClaims;
}
