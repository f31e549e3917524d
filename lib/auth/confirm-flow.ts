/**
 * What an email link that came back to /auth/confirm was for, and where each outcome leads. The flow
 * comes from the `flow=` the app put into the link's redirect (GoTrue keeps the redirect's query), or
 * from a server-side link's `type=`.
 */
export type ConfirmFlow = "signup" | "recovery" | "signin" | "email-change";

const FLOWS: readonly ConfirmFlow[] = ["signup", "recovery", "signin", "email-change"];

export function confirmFlow(params: URLSearchParams): ConfirmFlow {
  const flow = params.get("flow");
  if (flow && (FLOWS as readonly string[]).includes(flow)) return flow as ConfirmFlow;
  const type = params.get("type");
  if (type === "recovery") return "recovery";
  if (type === "email_change") return "email-change";
  return "signup";
}

export const DEFAULT_NEXT_FOR: Record<ConfirmFlow, string> = {
  signup: "/onboarding",
  recovery: "/reset-password",
  signin: "/onboarding",
  "email-change": "/account",
};

/** Where a link goes whose PKCE verifier is not in this browser (opened on another device). */
export function otherBrowserPath(flow: ConfirmFlow): string {
  switch (flow) {
    // GoTrue confirmed the address before redirecting; only the session is missing.
    case "signup":
      return "/login?notice=email-confirmed";
    // The link did its work in GoTrue (address changed, or one of two confirmed); say so.
    case "email-change":
      return "/email-change?step=done";
    // A sign-in or reset link proves nothing in a browser that did not ask for it.
    case "signin":
      return "/login?notice=link-other-browser";
    case "recovery":
      return "/link-expired?flow=recovery";
  }
}

export function expiredPath(flow: ConfirmFlow): string {
  return `/link-expired?flow=${flow}`;
}
