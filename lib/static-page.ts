/**
 * A small self-contained HTML page for answers the middleware gives before any React renders: it
 * needs no backend, no script and no stylesheet of the build. Every text is escaped.
 */

export interface StaticPage {
  title: string;
  heading: string;
  text: string;
  /** A same-site link (the caller checks it). */
  link: { href: string; label: string };
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

export function staticPageHtml({ title, heading, text, link }: StaticPage): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)} · Autoprofile</title>
<style>
body{margin:0;font-family:system-ui,sans-serif;background:#f8fafc;color:#0f172a}
main{min-height:100dvh;display:grid;place-items:center;padding:1rem}
section{max-width:28rem;background:#fff;border:1px solid #e2e8f0;border-radius:.75rem;padding:2rem;text-align:center}
h1{font-size:1.25rem;margin:0 0 .75rem}
p{color:#334155;line-height:1.5;margin:0}
a{display:inline-block;margin-top:1.5rem;padding:.625rem 1rem;border-radius:.5rem;background:#1d4ed8;color:#fff;text-decoration:none;font-weight:600}
a:focus-visible{outline:3px solid #1e3a8a;outline-offset:2px}
</style>
</head>
<body>
<main id="main">
<section>
<h1>${escapeHtml(heading)}</h1>
<p>${escapeHtml(text)}</p>
<a href="${escapeHtml(link.href)}">${escapeHtml(link.label)}</a>
</section>
</main>
</body>
</html>`;
}
