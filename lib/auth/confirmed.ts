/**
 * Where a confirmed sign-up lands, and the marker that makes the app say "Email confirmed" once on
 * arrival (the notice removes it from the address bar, so a reload does not repeat it).
 */
export const CONFIRMED_PARAM = "confirmed";
export const CONFIRMED_LANDING = `/onboarding?${CONFIRMED_PARAM}=1`;
