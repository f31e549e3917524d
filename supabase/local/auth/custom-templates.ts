/**
 * Custom mail templates from `[auth.email.template.<kind>]` (subject + content_path), read the way
 * the Supabase CLI hands them to GoTrue. GoTrue executes them as Go html/template with the variables
 * below; this stack supports the part projects use — `{{ .Name }}` and `{{ .Data.key }}` — and refuses
 * anything else when the stack starts, so a template never silently renders differently here.
 * Values are HTML-escaped, as html/template does in text and attribute context.
 */
import { readFileSync } from "node:fs";
import type { MailKind } from "./mail-templates.ts";

export const TEMPLATE_VARIABLES = [
  "ConfirmationURL",
  "Token",
  "TokenHash",
  "SiteURL",
  "Email",
  "NewEmail",
  "RedirectTo",
  "Data",
] as const;
type Variable = (typeof TEMPLATE_VARIABLES)[number];

export interface TemplateValues extends Partial<Record<Exclude<Variable, "Data">, string>> {
  Data?: Record<string, unknown>;
}

export interface CustomTemplate {
  subject?: string;
  html?: string;
}
export type CustomTemplates = Partial<Record<MailKind, CustomTemplate>>;

const KINDS: readonly MailKind[] = [
  "confirmation",
  "recovery",
  "email_change",
  "reauthentication",
  "magic_link",
  "invite",
];
const ACTION = /\{\{-?\s*(.*?)\s*-?\}\}/g;
const VARIABLE = /^\.([A-Za-z]+)(?:\.([A-Za-z0-9_]+))?$/;

function escapeHtml(text: string): string {
  return text
    .replace(/\0/g, "\uFFFD")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&#34;")
    .replace(/'/g, "&#39;");
}

/** Throws with the offending action when `template` uses more than `{{ .Name }}` / `{{ .Data.key }}`. */
export function checkTemplate(template: string, where: string): void {
  for (const [action, inner] of template.matchAll(ACTION)) {
    const match = VARIABLE.exec(inner ?? "");
    const name = match?.[1];
    const known = name !== undefined && (TEMPLATE_VARIABLES as readonly string[]).includes(name);
    if (!match || !known || (match[2] !== undefined && name !== "Data") || (name === "Data" && !match[2])) {
      throw new Error(
        `${where}: unsupported template action ${action} — the local stack supports {{ .${TEMPLATE_VARIABLES.join(" }}, {{ .")} }} and {{ .Data.<key> }}`,
      );
    }
  }
}

export function renderTemplate(template: string, values: TemplateValues): string {
  return template.replace(ACTION, (_action, inner: string) => {
    const [, name, key] = VARIABLE.exec(inner) ?? [];
    if (name === "Data") {
      const value = key !== undefined ? values.Data?.[key] : undefined;
      return value === undefined || value === null ? "" : escapeHtml(String(value));
    }
    return escapeHtml(values[name as Exclude<Variable, "Data">] ?? "");
  });
}

/** A plain-text part for the local inbox: links become "label: url", tags go, entities are decoded. */
export function htmlToText(html: string): string {
  return html
    .replace(/<(style|head)[\s\S]*?<\/\1>/gi, "")
    .replace(/<a\s[^>]*href="([^"]*)"[^>]*>([\s\S]*?)<\/a>/gi, (_m, href: string, label: string) => {
      const text = label.replace(/<[^>]+>/g, "").trim();
      return text && text !== href ? `${text}: ${href}` : href;
    })
    .replace(/<(br|\/p|\/h\d|\/div|\/tr|\/li)[^>]*>/gi, "\n")
    .replace(/<[^>]+>/g, "")
    .replace(/&#34;|&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&nbsp;/g, " ")
    .replace(/&amp;/g, "&")
    .split("\n")
    .map((line) => line.trim())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim()
    .concat("\n");
}

/** Reads and checks every configured template once, when the stack starts. */
export function loadCustomTemplates(
  config: Record<string, { subject?: string; contentPath?: string }>,
): CustomTemplates {
  const out: CustomTemplates = {};
  for (const [kind, entry] of Object.entries(config)) {
    if (!(KINDS as readonly string[]).includes(kind)) {
      throw new Error(`[auth.email.template.${kind}]: unknown template (known: ${KINDS.join(", ")})`);
    }
    const template: CustomTemplate = {};
    if (entry.subject) {
      checkTemplate(entry.subject, `[auth.email.template.${kind}] subject`);
      template.subject = entry.subject;
    }
    if (entry.contentPath) {
      let html: string;
      try {
        html = readFileSync(entry.contentPath, "utf8");
      } catch (error) {
        throw new Error(
          `[auth.email.template.${kind}] content_path: cannot read ${entry.contentPath} (${String(error)})`,
        );
      }
      checkTemplate(html, entry.contentPath);
      template.html = html;
    }
    if (template.subject !== undefined || template.html !== undefined) out[kind as MailKind] = template;
  }
  return out;
}
