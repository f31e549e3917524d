import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig, REPO_ROOT } from "../config.ts";
import { checkTemplate, htmlToText, loadCustomTemplates, renderTemplate } from "./custom-templates.ts";
import { renderMail } from "./mail-templates.ts";

describe("renderTemplate", () => {
  it("fills GoTrue's variables and user_metadata, HTML-escaped like html/template", () => {
    const html = renderTemplate(
      '<a href="{{ .ConfirmationURL }}">Hi {{ .Data.full_name }}</a> {{.Email}} {{ .Token }}',
      {
        ConfirmationURL: "http://x/verify?token=a&type=signup",
        Email: "o'neil@example.com",
        Token: "123456",
        Data: { full_name: "Ada <Lovelace>" },
      },
    );
    expect(html).toBe(
      '<a href="http://x/verify?token=a&amp;type=signup">Hi Ada &lt;Lovelace&gt;</a> o&#39;neil@example.com 123456',
    );
    expect(renderTemplate("{{ .Data.missing }}|{{ .NewEmail }}", {})).toBe("|");
  });

  it.each(["{{ if .Token }}x{{ end }}", "{{ .Unknown }}", "{{ .Email.x }}", "{{ .Data }}", '{{ printf "%s" .Email }}'])(
    "refuses %j at load time",
    (template) => {
      expect(() => checkTemplate(template, "t.html")).toThrow(/unsupported template action/);
    },
  );
});

describe("htmlToText", () => {
  it("keeps link targets and drops markup", () => {
    expect(htmlToText('<h1>Hi</h1><p>Go <a href="http://x/?a=1&amp;b=2">there</a></p>')).toBe(
      "Hi\nGo there: http://x/?a=1&b=2\n",
    );
  });
});

describe("the project's templates (config.toml)", () => {
  const config = loadConfig({}, REPO_ROOT);
  const templates = loadCustomTemplates(config.auth.email.templates);
  const input = {
    to: "ada@example.com",
    externalUrl: "http://127.0.0.1:54321/auth/v1",
    siteUrl: "http://localhost:3000",
    redirectTo: "http://localhost:3000/auth/confirm?next=%2Fonboarding",
    otp: "482913",
    tokenHash: "pkce_abc",
    newEmail: "ada.new@example.com",
  };

  it("wires every mail the app sends", () => {
    expect(Object.keys(templates).sort()).toEqual(
      ["confirmation", "email_change", "magic_link", "reauthentication", "recovery"].sort(),
    );
  });

  // Every link is Auth's /verify ({{ .ConfirmationURL }}): it redirects to the app with a PKCE code.
  const VERIFY = "http://127.0.0.1:54321/auth/v1/verify?token=pkce_abc&amp;type=";
  it.each([
    ["confirmation", false, `${VERIFY}signup`],
    ["recovery", false, `${VERIFY}recovery`],
    ["email_change", false, `${VERIFY}email_change`],
    ["magic_link", true, `${VERIFY}magiclink`],
    ["reauthentication", true, null],
  ] as const)("%s: carries the code %s, links to %s", (kind, hasCode, link) => {
    const mail = renderMail({ ...input, kind }, templates);
    expect(mail.html).not.toContain("{{");
    expect(mail.html.includes("482913")).toBe(hasCode);
    if (link) expect(mail.html).toContain(`href="${link}`);
  });

  it("an email change names both addresses", () => {
    const mail = renderMail(
      { ...input, kind: "email_change", to: "ada.new@example.com", email: "ada@example.com" },
      templates,
    );
    expect(mail.html).toContain("<strong>ada@example.com</strong>");
    expect(mail.html).toContain("<strong>ada.new@example.com</strong>");
  });

  it("refuses a missing file and an unknown kind when the stack starts", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "tpl-"));
    expect(() => loadCustomTemplates({ confirmation: { contentPath: path.join(dir, "missing.html") } })).toThrow(
      /content_path: cannot read/,
    );
    writeFileSync(path.join(dir, "ok.html"), "<p>{{ .ConfirmationURL }}</p>");
    expect(() => loadCustomTemplates({ welcome: { contentPath: path.join(dir, "ok.html") } })).toThrow(
      /unknown template/,
    );
    expect(loadCustomTemplates({ confirmation: { subject: "", contentPath: "" } })).toEqual({});
  });
});
