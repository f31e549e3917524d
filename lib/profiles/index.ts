/** The profile domain's public surface (see docs/api.md). Server code only: it talks to Supabase. */
export { createProfileAutomatically } from "./create-profile";
export { skipStep, updateProfile } from "./update-profile";
export { saveStep, type SavedProfile } from "./save-step";
export {
  getProfile,
  getProfileCompletionStatus,
  getProfileHistory,
  ProfileReadError,
  type CompletionStatus,
  type HistoryEntry,
} from "./queries";
export {
  handleUserRegistration,
  verifyUserProfile,
  getUserProfileData,
  updateUserProfile,
  type ProfileVerification,
  type RegistrationData,
  type UserProfileData,
} from "./integration";
export type { EnsuredProfile } from "./create-profile";
export type { Profile } from "./row";
export * from "./fields";
export * from "./schema";
export { CURRENCY_CODES, COMMON_CURRENCIES, currencyName, isCurrencyCode, type CurrencyCode } from "./currencies";
