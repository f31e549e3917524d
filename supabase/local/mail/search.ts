/**
 * Mailpit's search syntax, the part tests use: `to:addr`, `from:addr`, `subject:"words"`, `is:read`,
 * `is:unread` and plain words, all ANDed, case-insensitive substring matches. Pure.
 */
import type { StoredMail } from "./store";

export interface SearchTerm {
  field: "to" | "from" | "subject" | "is" | "any";
  value: string;
  negate: boolean;
}

export function parseSearch(query: string): SearchTerm[] {
  const terms: SearchTerm[] = [];
  const pattern = /(-?)(?:(to|from|subject|is):)?(?:"([^"]*)"|(\S+))/gi;
  for (const match of query.matchAll(pattern)) {
    const value = (match[3] ?? match[4] ?? "").toLowerCase();
    if (value === "") continue;
    const field = (match[2]?.toLowerCase() ?? "any") as SearchTerm["field"];
    terms.push({ field, value, negate: match[1] === "-" });
  }
  return terms;
}

function matchesTerm(mail: StoredMail, term: SearchTerm): boolean {
  const has = (text: string) => text.toLowerCase().includes(term.value);
  switch (term.field) {
    case "to":
      return has(mail.to);
    case "from":
      return has(mail.from);
    case "subject":
      return has(mail.subject);
    case "is":
      return term.value === "read" ? mail.read : term.value === "unread" ? !mail.read : false;
    case "any":
      return has(mail.to) || has(mail.subject) || has(mail.text);
  }
}

export function matchesSearch(mail: StoredMail, terms: SearchTerm[]): boolean {
  return terms.every((term) => matchesTerm(mail, term) !== term.negate);
}
