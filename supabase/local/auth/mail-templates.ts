/**
 * The mails Auth sends, modelled on GoTrue's default templates. Each exposes what Supabase templates
 * can use: `{{ .ConfirmationURL }}` (the /verify link), `{{ .Token }}` (the OTP), `{{ .TokenHash }}`
 * and a `{{ .SiteURL }}/auth/confirm?token_hash=…&type=…&next=…` link for SSR apps.
 */
import type { OutgoingMail } from "../contracts.ts";
import { htmlToText, renderTemplate, type CustomTemplates } from "./custom-templates.ts";

export type MailKind = "confirmation" | "recovery" | "email_change" | "reauthentication" | "magic_link" | "invite";

export interface MailInput {
  kind: MailKind;
  to: string;
  /** `${apiUrl}/auth/v1` */
  externalUrl: string;
  siteUrl: string;
  redirectTo: string;
  otp: string;
  /** The stored token (hash, `pkce_`-prefixed for PKCE); empty for reauthentication. */
  tokenHash: string;
  /** For email_change: the address being confirmed. */
  newEmail?: string;
  /** The account's address (`{{ .Email }}`); for an email change the current one. Default: `to`. */
  email?: string;
  /** The user's user_metadata (`{{ .Data.* }}`). */
  data?: Record<string, unknown>;
}

const VERIFY_TYPE: Record<MailKind, string> = {
  confirmation: "signup",
  recovery: "recovery",
  email_change: "email_change",
  reauthentication: "reauthentication",
  magic_link: "magiclink",
  invite: "invite",
};

/** The verifyOtp `type` an /auth/confirm route passes on (Supabase's SSR guide uses `email` for sign-up). */
const CONFIRM_ROUTE_TYPE: Record<MailKind, string> = {
  confirmation: "email",
  recovery: "recovery",
  email_change: "email_change",
  reauthentication: "reauthentication",
  magic_link: "email",
  invite: "invite",
};

const SUBJECT: Record<MailKind, string> = {
  confirmation: "Confirm Your Email",
  recovery: "Reset Your Password",
  email_change: "Confirm Email Change",
  reauthentication: "Confirm reauthentication",
  magic_link: "Your Magic Link",
  invite: "You have been invited",
};

/** GoTrue's encodeRedirectURL: escape only when the caller has not already encoded it. */
export function encodeRedirect(url: string): string {
  return /[&=#]/.test(url) ? encodeURIComponent(url) : url;
}

export function confirmationUrl(externalUrl: string, tokenHash: string, type: string, redirectTo: string): string {
  return `${externalUrl}/verify?token=${encodeURIComponent(tokenHash)}&type=${encodeURIComponent(type)}&redirect_to=${encodeRedirect(redirectTo)}`;
}

/**
 * `next` for the app's /auth/confirm route: the redirect's own `next` when it already points at a
 * confirmation route (`/auth/confirm?next=/onboarding`), else its path when it is on the site, else "/".
 */
export function nextPath(redirectTo: string, siteUrl: string): string {
  try {
    const target = new URL(redirectTo);
    const site = new URL(siteUrl);
    if (target.origin !== site.origin) return "/";
    const inner = target.searchParams.get("next");
    if (inner && inner.startsWith("/") && !inner.startsWith("//")) return inner;
    return `${target.pathname}${target.search}` || "/";
  } catch {
    return "/";
  }
}

const escapeHtml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** A mail from a project template (`[auth.email.template.<kind>]`), with GoTrue's variables. */
function renderCustom(input: MailInput, template: { subject?: string; html?: string }): OutgoingMail {
  const values = {
    ConfirmationURL:
      input.kind === "reauthentication"
        ? ""
        : confirmationUrl(input.externalUrl, input.tokenHash, VERIFY_TYPE[input.kind], input.redirectTo),
    Token: input.otp,
    TokenHash: input.tokenHash,
    SiteURL: input.siteUrl,
    Email: input.email ?? input.to,
    NewEmail: input.newEmail ?? "",
    RedirectTo: input.redirectTo,
    Data: input.data ?? {},
  };
  const fallback = renderMail({ ...input }, {});
  const html = template.html !== undefined ? renderTemplate(template.html, values) : fallback.html;
  return {
    to: input.to,
    // html/template escapes subjects too; mail clients show them as text, so decode the entities back.
    subject:
      template.subject !== undefined ? htmlToText(renderTemplate(template.subject, values)).trim() : fallback.subject,
    html,
    text: template.html !== undefined ? htmlToText(html) : fallback.text,
    kind: input.kind,
  };
}

export function renderMail(input: MailInput, templates: CustomTemplates = {}): OutgoingMail {
  const custom = templates[input.kind];
  if (custom) return renderCustom(input, custom);
  const subject = SUBJECT[input.kind];
  if (input.kind === "reauthentication") {
    const text = `Confirm reauthentication\n\nEnter the code: ${input.otp}\n`;
    const html = `<h2>Confirm reauthentication</h2><p>Enter the code: <strong>${escapeHtml(input.otp)}</strong></p>`;
    return { to: input.to, subject, html, text, kind: input.kind };
  }
  const verifyUrl = confirmationUrl(input.externalUrl, input.tokenHash, VERIFY_TYPE[input.kind], input.redirectTo);
  const confirmRoute =
    `${input.siteUrl.replace(/\/+$/, "")}/auth/confirm?token_hash=${encodeURIComponent(input.tokenHash)}` +
    `&type=${CONFIRM_ROUTE_TYPE[input.kind]}&next=${encodeURIComponent(nextPath(input.redirectTo, input.siteUrl))}`;
  const intro: Record<string, string> = {
    confirmation: "Follow this link to confirm your email:",
    recovery: "Follow this link to reset the password for your user:",
    email_change: `Follow this link to confirm the update of your email to ${input.newEmail ?? input.to}:`,
    magic_link: "Follow this link to login:",
    invite: "You have been invited to create a user. Follow this link to accept the invite:",
  };
  const lines = [
    subject,
    "",
    intro[input.kind] ?? "",
    verifyUrl,
    "",
    `Alternatively, enter the code: ${input.otp}`,
    "",
    `Token hash: ${input.tokenHash}`,
    `Server-side confirmation link: ${confirmRoute}`,
    "",
  ];
  const html =
    `<h2>${escapeHtml(subject)}</h2><p>${escapeHtml(intro[input.kind] ?? "")}</p>` +
    `<p><a href="${escapeHtml(verifyUrl)}">${escapeHtml(subject)}</a></p>` +
    `<p>Alternatively, enter the code: <strong>${escapeHtml(input.otp)}</strong></p>` +
    `<p>Token hash: <code>${escapeHtml(input.tokenHash)}</code></p>` +
    `<p><a href="${escapeHtml(confirmRoute)}">Server-side confirmation link</a></p>`;
  return { to: input.to, subject, html, text: lines.join("\n"), kind: input.kind };
}
