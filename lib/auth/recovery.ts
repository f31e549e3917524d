/**
 * Whether a session was started from an email link (a password-reset link, or a one-time-token link),
 * which proves control of the mailbox. Only such a session may set a new password without the
 * current one — an unattended signed-in browser must not be enough to take the account over.
 */
const MAIL_LINK_METHODS = new Set(["recovery", "otp", "magiclink"]);

export function isMailLinkSession(user: { signInMethods: readonly string[] }): boolean {
  return user.signInMethods.some((method) => MAIL_LINK_METHODS.has(method));
}
