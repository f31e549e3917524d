/**
 * Method + path → handler for the Auth service (the gateway has already stripped `/auth/v1`).
 * Paths match with or without a trailing slash, as chi's routes do for GoTrue's `/` sub-routes.
 */
import { AuthError } from "./errors.ts";
import type { Call } from "./runtime.ts";
import { generateLink } from "./endpoints/admin-links.ts";
import { createUser, deleteUserById, getUserById, listUsers, updateUserById } from "./endpoints/admin.ts";
import { manualLinkingDisabled, samlDisabled } from "./endpoints/disabled.ts";
import { invite } from "./endpoints/invite.ts";
import { deleteUserFactor, listUserFactors, updateUserFactor } from "./endpoints/admin-factors.ts";
import { challengeFactor, enrollFactor, unenrollFactor, verifyFactor } from "./endpoints/factors.ts";
import { logout } from "./endpoints/logout.ts";
import { otp } from "./endpoints/otp.ts";
import { health, jwks, settings } from "./endpoints/meta.ts";
import { recover, resend } from "./endpoints/recover.ts";
import { signup } from "./endpoints/signup.ts";
import { token } from "./endpoints/token.ts";
import { getUser, reauthenticate, updateUser } from "./endpoints/user.ts";
import { verifyGet, verifyPost } from "./endpoints/verify.ts";

type Route = (call: Call, ...params: string[]) => Promise<void>;

const STATIC: Record<string, Partial<Record<string, Route>>> = {
  "/health": { GET: health },
  "/settings": { GET: settings },
  "/.well-known/jwks.json": { GET: jwks },
  "/signup": { POST: signup },
  "/token": { POST: token },
  "/user": { GET: getUser, PUT: updateUser },
  "/logout": { POST: logout },
  "/recover": { POST: recover },
  "/otp": { POST: otp },
  "/magiclink": { POST: otp },
  "/resend": { POST: resend },
  "/verify": { GET: verifyGet, POST: verifyPost },
  "/reauthenticate": { GET: reauthenticate },
  "/admin/users": { GET: listUsers, POST: createUser },
  "/admin/generate_link": { POST: generateLink },
  "/invite": { POST: invite },
  "/factors": { POST: enrollFactor },
  "/sso": { POST: samlDisabled },
  "/user/identities/authorize": { GET: manualLinkingDisabled },
};

type Methods = Partial<Record<string, Route>>;

/** Paths with segments; each captured segment is passed to the handler, URL-decoded. */
const PATTERNS: [RegExp, Methods][] = [
  [/^\/admin\/users\/([^/]+)$/, { GET: getUserById, PUT: updateUserById, DELETE: deleteUserById }],
  [/^\/admin\/users\/([^/]+)\/factors$/, { GET: listUserFactors }],
  [/^\/admin\/users\/([^/]+)\/factors\/([^/]+)$/, { PUT: updateUserFactor, DELETE: deleteUserFactor }],
  [/^\/factors\/([^/]+)$/, { DELETE: unenrollFactor }],
  [/^\/factors\/([^/]+)\/challenge$/, { POST: challengeFactor }],
  [/^\/factors\/([^/]+)\/verify$/, { POST: verifyFactor }],
  [/^\/user\/identities\/([^/]+)$/, { DELETE: manualLinkingDisabled }],
];

function matchPattern(path: string): { methods: Methods; params: string[] } | undefined {
  for (const [pattern, methods] of PATTERNS) {
    const match = pattern.exec(path);
    if (match) return { methods, params: match.slice(1).map((segment) => decodeURIComponent(segment)) };
  }
  return undefined;
}

export class MethodNotAllowed extends Error {}

/** Finds the handler; throws GoTrue's 404 for unknown paths and 405 for known paths. */
export function route(method: string, rawPath: string): (call: Call) => Promise<void> {
  const path = rawPath.length > 1 ? rawPath.replace(/\/+$/, "") : rawPath;
  const table = STATIC[path];
  const matched = table ? { methods: table, params: [] } : matchPattern(path);
  if (!matched) throw new AuthError(404, "not_found", "Not Found");
  const handler = matched.methods[method];
  if (!handler) throw new MethodNotAllowed();
  return (call) => handler(call, ...matched.params);
}
