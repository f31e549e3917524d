/**
 * Remembers which address is waiting for a confirmation mail, so /check-email can show it and resend
 * without putting the address in the URL (URLs end up in logs and Referer headers). An httpOnly,
 * short-lived cookie; it holds nothing that proves anything.
 */
import { cookies, headers } from "next/headers";

const NAME = "ap-pending-email";
const ONE_HOUR = 60 * 60;

async function isHttps(): Promise<boolean> {
  const list = await headers();
  return (
    (list.get("x-forwarded-proto") ?? "").startsWith("https") ||
    process.env.NEXT_PUBLIC_SITE_URL?.startsWith("https:") === true
  );
}

export async function rememberPendingEmail(email: string): Promise<void> {
  const store = await cookies();
  store.set(NAME, email, { httpOnly: true, sameSite: "lax", path: "/", maxAge: ONE_HOUR, secure: await isHttps() });
}

export async function pendingEmail(): Promise<string | null> {
  const value = (await cookies()).get(NAME)?.value;
  return value && value.includes("@") && value.length <= 255 ? value : null;
}

export async function forgetPendingEmail(): Promise<void> {
  (await cookies()).delete(NAME);
}

/** "a•••@example.com": enough to recognise, not enough to read over a shoulder. */
export function maskEmail(email: string): string {
  const [local = "", domain = ""] = email.split("@");
  return `${local.slice(0, 1)}•••@${domain}`;
}
