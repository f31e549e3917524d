/**
 * Reference ids tie a message a person sees ("reference ab12cd34") to the server log line that
 * explains it, without showing internals to the person.
 */
export function newReferenceId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(4));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
}
