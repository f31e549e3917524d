/**
 * Method + path → handler for the Auth service (the gateway has already stripped `/auth/v1`).
 * Paths match with or without a trailing slash, as chi's routes do for GoTrue's `/` sub-routes.
 */
import { AuthError } from "./errors.ts";
import type { Call } from "./runtime.ts";
import { generateLink } from "./endpoints/admin-links.ts";
import { createUser, deleteUserById, getUserById, listUsers, updateUserById } from "./endpoints/admin.ts";
import { invite } from "./endpoints/invite.ts";
import { logout } from "./endpoints/logout.ts";
import { otp } from "./endpoints/otp.ts";
import { health, jwks, settings } from "./endpoints/meta.ts";
import { recover, resend } from "./endpoints/recover.ts";
import { signup } from "./endpoints/signup.ts";
import { token } from "./endpoints/token.ts";
import { getUser, reauthenticate, updateUser } from "./endpoints/user.ts";
import { verifyGet, verifyPost } from "./endpoints/verify.ts";

type Route = (call: Call, param: string) => Promise<void>;

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
};

const ADMIN_USER: Partial<Record<string, Route>> = {
  GET: (call, id) => getUserById(call, id),
  PUT: (call, id) => updateUserById(call, id),
  DELETE: (call, id) => deleteUserById(call, id),
};

export class MethodNotAllowed extends Error {}

/** Finds the handler; throws GoTrue's 404 for unknown paths and 405 for known paths. */
export function route(method: string, rawPath: string): (call: Call) => Promise<void> {
  const path = rawPath.length > 1 ? rawPath.replace(/\/+$/, "") : rawPath;
  const table = STATIC[path];
  const adminMatch = /^\/admin\/users\/([^/]+)$/.exec(path);
  const methods = table ?? (adminMatch ? ADMIN_USER : undefined);
  if (!methods) throw new AuthError(404, "not_found", "Not Found");
  const handler = methods[method];
  if (!handler) throw new MethodNotAllowed();
  const param = adminMatch?.[1] ? decodeURIComponent(adminMatch[1]) : "";
  return (call) => handler(call, param);
}
