/**
 * A hidden username for password managers: a form with only password fields leaves them guessing
 * which account a new or confirmed password belongs to. Chromium and others read a hidden input with
 * autocomplete="username". It has no name, so it is never submitted.
 */
export function UsernameField({ email }: { email: string | null }) {
  if (!email) return null;
  return <input type="email" autoComplete="username" value={email} readOnly hidden />;
}
