/**
 * The slice of the native `bcrypt` package's API this service uses (no @types/bcrypt is installed;
 * adding a package for three signatures is not worth it).
 */
declare module "bcrypt" {
  export function genSalt(rounds: number, minor: "a" | "b"): Promise<string>;
  export function hash(data: string, salt: string): Promise<string>;
  export function compare(data: string, encrypted: string): Promise<boolean>;
  const bcrypt: { genSalt: typeof genSalt; hash: typeof hash; compare: typeof compare };
  export default bcrypt;
}
