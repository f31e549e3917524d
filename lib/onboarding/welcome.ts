/**
 * The one-time welcome after "Finish": the action sets this cookie and redirects to
 * /profile?welcome=1; the page greets only while the cookie is there, and the browser deletes it
 * once the greeting is shown, so a reload (or a bookmarked ?welcome=1) does not greet again.
 */
export const WELCOME_COOKIE = "autoprofile-welcome";
