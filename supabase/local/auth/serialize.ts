/**
 * JSON shapes GoTrue answers with: the user object (models.User field order and omitempty rules;
 * `factors` only when the user has one),
 * identities, and the sanitized fake user for a repeated sign-up.
 */
import { randomUUID } from "node:crypto";
import { factorJson } from "./mfa/factors-repo.ts";
import type { IdentityRow, UserWithIdentities } from "./users-repo.ts";

type Json = Record<string, unknown>;

function putIf(out: Json, key: string, value: unknown): void {
  if (value !== null && value !== undefined && value !== "") out[key] = value;
}

export function identityJson(identity: IdentityRow): Json {
  const out: Json = { identity_id: identity.id, id: identity.provider_id, user_id: identity.user_id };
  if (identity.identity_data && Object.keys(identity.identity_data).length > 0)
    out.identity_data = identity.identity_data;
  out.provider = identity.provider;
  putIf(out, "last_sign_in_at", identity.last_sign_in_at);
  out.created_at = identity.created_at;
  out.updated_at = identity.updated_at;
  putIf(out, "email", identity.email);
  return out;
}

export function userJson(user: UserWithIdentities): Json {
  const out: Json = { id: user.id, aud: user.aud ?? "", role: user.role ?? "", email: user.email ?? "" };
  putIf(out, "email_confirmed_at", user.email_confirmed_at);
  putIf(out, "invited_at", user.invited_at);
  out.phone = user.phone ?? "";
  putIf(out, "phone_confirmed_at", user.phone_confirmed_at);
  putIf(out, "confirmation_sent_at", user.confirmation_sent_at);
  putIf(out, "confirmed_at", user.confirmed_at);
  putIf(out, "recovery_sent_at", user.recovery_sent_at);
  putIf(out, "new_email", user.email_change);
  putIf(out, "email_change_sent_at", user.email_change_sent_at);
  putIf(out, "new_phone", user.phone_change);
  putIf(out, "phone_change_sent_at", user.phone_change_sent_at);
  putIf(out, "reauthentication_sent_at", user.reauthentication_sent_at);
  putIf(out, "last_sign_in_at", user.last_sign_in_at);
  out.app_metadata = user.raw_app_meta_data ?? {};
  out.user_metadata = user.raw_user_meta_data ?? {};
  if (user.factors && user.factors.length > 0) out.factors = user.factors.map(factorJson);
  out.identities = user.identities.map(identityJson);
  out.created_at = user.created_at;
  out.updated_at = user.updated_at;
  putIf(out, "banned_until", user.banned_until);
  putIf(out, "deleted_at", user.deleted_at);
  out.is_anonymous = user.is_anonymous;
  return out;
}

/** Go's time.Now() as RFC 3339 with the sub-second digits JS has. */
export function nowRfc3339(): string {
  return new Date().toISOString().replace(/\.?0+Z$/, "Z");
}

/**
 * GoTrue's sanitizeUser: what a repeated sign-up of a confirmed address gets while confirmations are
 * on — indistinguishable from a fresh sign-up except `identities: []`, so the address is not revealed.
 */
export function sanitizedUserJson(user: UserWithIdentities, data: Record<string, unknown>, aud: string): Json {
  const now = nowRfc3339();
  return userJson({
    ...user,
    id: randomUUID(),
    aud,
    role: "",
    email_change: "",
    phone: "",
    created_at: now,
    updated_at: now,
    confirmation_sent_at: now,
    last_sign_in_at: null,
    confirmed_at: null,
    email_change_sent_at: null,
    email_confirmed_at: null,
    phone_confirmed_at: null,
    identities: [],
    // GoTrue leaves the eager-loaded factors in; a fresh sign-up has none, so they would reveal the account.
    factors: [],
    raw_user_meta_data: data,
    raw_app_meta_data: { provider: "email", providers: ["email"] },
  });
}
