import { describe, expect, it } from "vitest";
import { mailPage, withoutScripts } from "./html";

describe("withoutScripts", () => {
  it.each([
    ["<p>a</p><script>alert(1)</script><p>b</p>", "<p>a</p><p>b</p>"],
    ['<script src="https://x/a.js"></script>x', "x"],
    ['<img src=x onerror=alert(1)><p onclick="go()">p</p>', "<img src=x><p>p</p>"],
    ['<a href="javascript:alert(1)">j</a>', '<a href="#">j</a>'],
    ['<a href="https://app/confirm?a=1&amp;b=2">ok</a>', '<a href="https://app/confirm?a=1&amp;b=2">ok</a>'],
  ])("%j → %j", (html, expected) => {
    expect(withoutScripts(html)).toBe(expected);
  });

  it("the mail view frames the mail without its scripts, sandboxed", () => {
    const page = mailPage({
      id: "1",
      to: "a@example.com",
      from: "auth@example.com",
      subject: "Hi",
      html: "<p>hello</p><script>x()</script>",
      text: "hello",
      kind: "confirmation",
      created: "2026-01-01T00:00:00Z",
      read: false,
    } as never);
    expect(page).toContain('sandbox="allow-popups');
    expect(page).toContain("&#60;p&#62;hello&#60;/p&#62;");
    expect(page).not.toContain("x()");
  });
});
