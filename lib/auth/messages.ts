/** The sentences auth flows show people, in one place so pages, actions and e2e specs agree. */
export const SIGNED_OUT_MESSAGE = "Your session has ended. Please sign in again.";
export const INVALID_CREDENTIALS_MESSAGE = "That email and password do not match. Check them and try again.";
export const RESET_SENT_MESSAGE =
  "If an account uses that address, a link to reset the password is on its way. It works once and expires in an hour.";
export const RESENT_MESSAGE = "If that address is waiting for confirmation, a new link is on its way.";
export const SAME_PASSWORD_MESSAGE = "That is your current password. Choose a new one.";
export const RESET_LINK_NEEDED_MESSAGE =
  "To choose a new password here, open the reset link from your email first. Signed in, you can change it on your account page.";
export const PASSWORD_UPDATED_NOTICE = "Your password has been changed. Sign in with your new password.";
export const EMAIL_CONFIRMED_NOTICE = "Your email address is confirmed. Sign in to continue.";
export const SIGNED_OUT_NOTICE = "You have been signed out.";
export const UNCONFIRMED_NOTICE =
  "Your email address is not confirmed yet. Use the link we sent you, or send a new one below.";

export const SIGN_IN_CODE_WRONG_MESSAGE =
  "That code is wrong or has expired. Use the newest mail, or ask for a new link.";
export const SIGN_IN_LINK_OTHER_BROWSER_NOTICE =
  "That sign-in link was asked for in another browser, so it cannot sign you in here. Open it in that browser, or ask for a new link here.";

/** `/login?notice=<key>` — fixed keys, so the URL can never carry arbitrary text onto the page. */
export const LOGIN_NOTICES = {
  "password-updated": PASSWORD_UPDATED_NOTICE,
  "email-confirmed": EMAIL_CONFIRMED_NOTICE,
  "signed-out": SIGNED_OUT_NOTICE,
  "link-other-browser": SIGN_IN_LINK_OTHER_BROWSER_NOTICE,
} as const;

export function loginNotice(key: unknown): string | null {
  return typeof key === "string" && Object.hasOwn(LOGIN_NOTICES, key)
    ? LOGIN_NOTICES[key as keyof typeof LOGIN_NOTICES]
    : null;
}
