/**
 * The seams between the local stack's parts, so the gateway, Auth, REST and mail can be built and
 * tested apart. The gateway strips `/auth/v1` or `/rest/v1`, rewrites Authorization as the CLI's Kong
 * does (keys.ts `forwardedAuthorization`) and hands the request to a service; each service reads its
 * token from that header and answers in its own dialect (GoTrue or PostgREST error bodies).
 */
import type { IncomingMessage, ServerResponse } from "node:http";

export interface ServiceContext {
  /** Path below the service prefix, always starting with "/": "/token", "/user_profiles". */
  path: string;
  /** Query string parameters, in order, repeated keys kept. */
  query: URLSearchParams;
  /**
   * The Authorization header as the gateway forwards it (the caller's `Bearer <token>`, the
   * anon/service_role JWT an sb_ key maps to, or a legacy JWT apikey copied without a scheme); null
   * when there is none. PostgREST and GoTrue parse it differently, so each service reads it itself.
   */
  authorization: string | null;
  /** Client address, for per-IP rate limits (X-Forwarded-For is not trusted). */
  ip: string;
}

export interface Service {
  handle(req: IncomingMessage, res: ServerResponse, ctx: ServiceContext): Promise<void>;
  close?(): Promise<void>;
}

/** A mail that Auth would send; the inbox captures it. */
export interface OutgoingMail {
  to: string;
  subject: string;
  html: string;
  text: string;
  /** confirmation | recovery | email_change | reauthentication | invite | magic_link */
  kind: string;
}

export interface Mailer {
  send(mail: OutgoingMail): Promise<void>;
}
