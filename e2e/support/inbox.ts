/**
 * The local stack's mail inbox (Mailpit's JSON API on INBUCKET_URL) for e2e tests: wait for the mail a
 * flow sends and follow the link a person would click. Shared by the auth and onboarding specs.
 *
 *   const seen = await mailIds(email);            // before the action that sends mail
 *   ...submit the form...
 *   const mail = await waitForMail(email, { subject: "Confirm your email for Autoprofile", exclude: seen });
 *   await page.goto(primaryLink(mail));
 */
import { expect } from "@playwright/test";

export interface Mail {
  id: string;
  subject: string;
  to: string;
  text: string;
  html: string;
}

interface Summary {
  ID: string;
  Subject: string;
  To: { Address: string }[];
}

export function inboxUrl(): string {
  const url = process.env.INBUCKET_URL;
  if (!url) throw new Error("INBUCKET_URL is not set: export your stack's env (npm run supabase:status -- -o env)");
  return url.replace(/\/+$/, "");
}

async function getJson<T>(path: string): Promise<T> {
  const response = await fetch(`${inboxUrl()}${path}`);
  if (!response.ok) throw new Error(`inbox ${path}: HTTP ${response.status}`);
  return (await response.json()) as T;
}

/** Ids of the mails already in the inbox for `to` (newest first). */
export async function mailIds(to: string, subject?: string): Promise<string[]> {
  const query = encodeURIComponent(`to:${to}`);
  const { messages } = await getJson<{ messages: Summary[] }>(`/api/v1/search?query=${query}&limit=200`);
  return messages.filter((mail) => subject === undefined || mail.Subject === subject).map((mail) => mail.ID);
}

export async function readMail(id: string): Promise<Mail> {
  const message = await getJson<{ ID: string; Subject: string; To: { Address: string }[]; Text: string; HTML: string }>(
    `/api/v1/message/${encodeURIComponent(id)}`,
  );
  return {
    id: message.ID,
    subject: message.Subject,
    to: message.To[0]?.Address ?? "",
    text: message.Text,
    html: message.HTML,
  };
}

/** Polls until a mail for `to` arrives that is not in `exclude` (and matches `subject` if given). */
export async function waitForMail(to: string, options: { subject?: string; exclude?: string[] } = {}): Promise<Mail> {
  const exclude = new Set(options.exclude ?? []);
  let found: string | undefined;
  await expect
    .poll(
      async () => {
        found = (await mailIds(to, options.subject)).find((id) => !exclude.has(id));
        return found !== undefined;
      },
      // The inbox answers in a millisecond: look often rather than back off to Playwright's 1 s steps.
      {
        message: `a mail to ${to}${options.subject ? ` "${options.subject}"` : ""}`,
        timeout: 15_000,
        intervals: [50, 100, 200],
      },
    )
    .toBe(true);
  return readMail(found as string);
}

/** Every href in the mail's HTML, in order (entities decoded). */
export function links(mail: Mail): string[] {
  return [...mail.html.matchAll(/<a\s[^>]*href="([^"]+)"/gi)].map((match) =>
    (match[1] as string)
      .replace(/&amp;/g, "&")
      .replace(/&quot;/g, '"')
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">"),
  );
}

/** The main call-to-action: the first link, as a person reading the mail would click it. */
export function primaryLink(mail: Mail): string {
  const [first] = links(mail);
  if (!first) throw new Error(`mail "${mail.subject}" to ${mail.to} has no link`);
  return first;
}
