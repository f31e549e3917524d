/** The sentences the account page shows, in one place so forms, actions and e2e specs agree. */
export const WRONG_PASSWORD_MESSAGE = "That is not your current password.";
export const PASSWORD_CHANGED_MESSAGE = "Your password has been changed. Other devices have been signed out.";
/** Two-factor accounts: a day-old session cannot change the password, and a fresh one needs the code too. */
export const SIGN_IN_AGAIN_TO_CHANGE_PASSWORD_MESSAGE =
  "You signed in more than a day ago. To change your password, sign out, sign in again with your password and code, then try again.";
export const SAME_EMAIL_MESSAGE = "That is already your email address.";
export const EMAIL_UNAVAILABLE_MESSAGE = "That address cannot be used. Choose another one.";
export const EMAIL_RATE_LIMIT_MESSAGE = "Too many emails were sent just now. Wait a minute and try again.";

export function emailChangeSentMessage(email: string): string {
  return `Almost done: we sent a confirmation link to ${email} and one to your current address. Your email changes once both are opened.`;
}
