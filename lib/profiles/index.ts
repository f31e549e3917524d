/** The profile domain's public surface (see docs/api.md). */
export { createProfileAutomatically } from "./create-profile";
export type { ProfileResult } from "./result";
export type { Profile } from "./row";
export * from "./fields";
