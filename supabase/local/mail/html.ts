/**
 * The inbox web page: a list of captured mails (newest first) and one mail's view with clickable
 * links. Mail HTML is shown in a sandboxed iframe so it cannot script the inbox.
 */
import type { StoredMail } from "./store";

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
*{box-sizing:border-box}
body{font-family:system-ui,sans-serif;margin:0;color:#1f2937;overflow-wrap:anywhere}
header{background:#111827;color:#fff;padding:.75rem 1.25rem;display:flex;gap:1rem;align-items:center}
header a{color:#fff}main{padding:1rem 1.25rem;max-width:60rem}
table{border-collapse:collapse;width:100%}td,th{text-align:left;padding:.4rem .5rem;border-bottom:1px solid #e5e7eb}
tr.unread td{font-weight:600}iframe{display:block;width:100%;min-height:32rem;border:1px solid #e5e7eb}
pre{white-space:pre-wrap;overflow-wrap:anywhere;background:#f9fafb;padding:.75rem;border:1px solid #e5e7eb}
button{padding:.3rem .8rem}
/* Phones: each mail becomes a small card instead of a four-column row. */
@media (max-width:40rem){
thead{display:none}table,tbody,tr,td{display:block}tr{padding:.5rem 0;border-bottom:1px solid #e5e7eb}
td{border:0;padding:.1rem 0}td:nth-child(3),td:nth-child(4){display:inline;color:#4b5563;font-size:.85rem}
td:nth-child(3)::after{content:" · "}
}
</style></head>
<body><header><strong>Local inbox</strong><a href="/">All mail</a></header><main>${body}</main></body></html>`;
}

export function listPage(mails: StoredMail[]): string {
  if (mails.length === 0) return layout("Local inbox", "<p>No mail yet. Mails Auth sends appear here.</p>");
  const rows = mails
    .map(
      (mail) => `<tr class="${mail.read ? "read" : "unread"}"><td>${escapeHtml(mail.to)}</td>
<td><a href="/view/${encodeURIComponent(mail.id)}">${escapeHtml(mail.subject)}</a></td>
<td>${escapeHtml(mail.kind)}</td><td><time datetime="${mail.created}">${escapeHtml(mail.created)}</time></td></tr>`,
    )
    .join("\n");
  const clear = `<form method="post" action="/delete-all"><button type="submit">Delete all</button></form>`;
  return layout(
    `Local inbox (${mails.length})`,
    `<h1>Inbox</h1>${clear}<table><thead><tr><th>To</th><th>Subject</th><th>Kind</th><th>Received</th></tr></thead>
<tbody>${rows}</tbody></table>`,
  );
}

/** Prepended to the mail in the frame: links open in the whole tab; long URLs wrap on phones. */
const FRAME_HEAD =
  `<meta name="viewport" content="width=device-width, initial-scale=1"><base target="_top">` +
  `<style>body{margin:8px;overflow-wrap:anywhere}img{max-width:100%;height:auto}</style>`;

/**
 * The mail without anything executable. The frame is sandboxed without allow-scripts, so nothing
 * would run anyway, but the browser reports every script and inline handler it blocks as a console
 * error; mail clients do not run them either, so they are dropped before display.
 */
export function withoutScripts(html: string): string {
  return html
    .replace(/<script\b[\s\S]*?(<\/script\s*>|$)/gi, "")
    .replace(/\s+on[a-z]+\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/gi, "")
    .replace(/(href|src)\s*=\s*(["']?)\s*javascript:[^"'\s>]*\2/gi, '$1="#"');
}

/** Plain-text body with URLs turned into links. */
function linkify(text: string): string {
  return escapeHtml(text).replace(/https?:\/\/[^\s<]+/g, (url) => `<a href="${url}">${url}</a>`);
}

export function mailPage(mail: StoredMail): string {
  return layout(
    mail.subject,
    `<h1>${escapeHtml(mail.subject)}</h1>
<p><strong>To:</strong> ${escapeHtml(mail.to)}<br><strong>From:</strong> ${escapeHtml(mail.from)}<br>
<strong>Received:</strong> ${escapeHtml(mail.created)}</p>
<h2>HTML</h2>
<iframe title="Mail body" sandbox="allow-popups allow-popups-to-escape-sandbox allow-top-navigation-by-user-activation"
 srcdoc="${escapeHtml(`${FRAME_HEAD}${withoutScripts(mail.html)}`)}"></iframe>
<h2>Text</h2><pre>${linkify(mail.text)}</pre>`,
  );
}

export function notFoundPage(): string {
  return layout("Not found", '<p>No such mail. <a href="/">Back to the inbox</a></p>');
}
