/**
 * Mailpit's JSON shapes (the subset tests and tools read): message summaries for lists and search,
 * and the full message. Pure.
 */
import type { StoredMail } from "./store";

const address = (value: string) => ({ Name: "", Address: value });

function snippet(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > 250 ? `${flat.slice(0, 250)}...` : flat;
}

export function summary(mail: StoredMail) {
  return {
    ID: mail.id,
    MessageID: `${mail.id}@autoprofile.local`,
    Read: mail.read,
    From: { Name: "Supabase Auth", Address: mail.from },
    To: [address(mail.to)],
    Cc: [],
    Bcc: [],
    ReplyTo: [],
    Subject: mail.subject,
    Created: mail.created,
    Tags: [mail.kind],
    Size: Buffer.byteLength(mail.html) + Buffer.byteLength(mail.text),
    Attachments: 0,
    Snippet: snippet(mail.text),
  };
}

export function message(mail: StoredMail) {
  const { Created, Read, Snippet, Attachments, ...rest } = summary(mail);
  void Read;
  void Snippet;
  void Attachments;
  return {
    ...rest,
    ReturnPath: mail.from,
    Date: Created,
    Text: mail.text,
    HTML: mail.html,
    Inline: [],
    Attachments: [],
  };
}

/** A page of a (newest-first) list, as Mailpit's `messages`/`search` endpoints answer. */
export function page(all: StoredMail[], matching: StoredMail[], start: number, limit: number) {
  const messages = matching.slice(start, start + limit).map(summary);
  return {
    total: all.length,
    unread: all.filter((mail) => !mail.read).length,
    count: messages.length,
    messages_count: matching.length,
    start,
    tags: [...new Set(all.map((mail) => mail.kind))].sort(),
    messages,
  };
}
