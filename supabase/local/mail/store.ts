/**
 * The inbox's storage: every mail Auth sends, appended as one JSON line to `<stateDir>/mail.jsonl`
 * (so it survives restarts and is wiped with the state dir) and indexed in memory. Implements the
 * `Mailer` seam Auth sends through.
 */
import { randomUUID } from "node:crypto";
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Mailer, OutgoingMail } from "../contracts";

export interface StoredMail extends OutgoingMail {
  id: string;
  /** ISO timestamp. */
  created: string;
  from: string;
  read: boolean;
}

export const MAIL_FROM = "noreply@mail.app.supabase.io";

export interface MailStore extends Mailer {
  /** Newest first. */
  list(): StoredMail[];
  get(id: string): StoredMail | undefined;
  markRead(id: string): void;
  /** Stores a mail; returns its id. */
  save(mail: OutgoingMail): Promise<string>;
  /** Deletes the given ids, or everything when ids is undefined. */
  delete(ids?: string[]): void;
}

function isStoredMail(value: unknown): value is StoredMail {
  if (typeof value !== "object" || value === null) return false;
  const mail = value as Record<string, unknown>;
  return ["id", "created", "to", "subject", "html", "text", "kind"].every((key) => typeof mail[key] === "string");
}

export function createMailStore(stateDir: string): MailStore {
  mkdirSync(stateDir, { recursive: true });
  const file = path.join(stateDir, "mail.jsonl");
  const mails: StoredMail[] = [];
  if (existsSync(file)) {
    for (const line of readFileSync(file, "utf8").split("\n")) {
      if (line.trim() === "") continue;
      try {
        const parsed: unknown = JSON.parse(line);
        // A line cut short by a crash is skipped, not fatal.
        if (isStoredMail(parsed)) mails.push({ ...parsed, from: parsed.from ?? MAIL_FROM, read: false });
      } catch {
        continue;
      }
    }
  }
  const rewrite = () => writeFileSync(file, mails.map((mail) => `${JSON.stringify(mail)}\n`).join(""));

  const save = async (mail: OutgoingMail): Promise<string> => {
    const stored: StoredMail = {
      id: randomUUID(),
      created: new Date().toISOString(),
      from: MAIL_FROM,
      read: false,
      to: mail.to,
      subject: mail.subject,
      html: mail.html,
      text: mail.text,
      kind: mail.kind,
    };
    appendFileSync(file, `${JSON.stringify(stored)}\n`);
    mails.push(stored);
    return stored.id;
  };

  return {
    save,
    async send(mail) {
      await save(mail);
    },
    list: () => [...mails].reverse(),
    get: (id) => mails.find((mail) => mail.id === id),
    markRead(id) {
      const mail = mails.find((candidate) => candidate.id === id);
      if (mail) mail.read = true;
    },
    delete(ids) {
      if (ids === undefined) {
        mails.length = 0;
      } else {
        const drop = new Set(ids);
        for (let i = mails.length - 1; i >= 0; i -= 1) if (drop.has(mails[i]?.id ?? "")) mails.splice(i, 1);
      }
      rewrite();
    },
  };
}
