/**
 * GoTrue errors → what the app does with them. Only `code` is trusted (the response header makes
 * supabase-js fill it); messages are never shown to people.
 */
export const RATE_LIMITED_MESSAGE = "Too many attempts from your connection. Please wait a minute and try again.";

interface MaybeAuthError {
  code?: string | undefined;
  status?: number | undefined;
}

export function authErrorCode(error: MaybeAuthError | null | undefined): string | null {
  return error?.code ?? null;
}

/** Limits on requests per IP: safe to report, they say nothing about any account. */
export function isRequestRateLimit(error: MaybeAuthError | null | undefined): boolean {
  return (
    error?.code === "over_request_rate_limit" || (error?.status === 429 && error.code !== "over_email_send_rate_limit")
  );
}

/**
 * Per-address mail limits fire only for addresses that get mail, i.e. that exist — so reporting them
 * would reveal accounts. Callers answer as if the mail went out.
 */
export function isEmailSendRateLimit(error: MaybeAuthError | null | undefined): boolean {
  return error?.code === "over_email_send_rate_limit";
}
