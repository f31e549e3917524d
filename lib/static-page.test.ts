import { describe, expect, it } from "vitest";
import { staticPageHtml } from "./static-page";

describe("static pages", () => {
  it("escapes every text, the link included", () => {
    const html = staticPageHtml({
      title: "<t>",
      heading: 'a "b"',
      text: "x & y",
      link: { href: '/p?a=1&b="2"', label: "<go>" },
    });
    expect(html).toContain("<title>&#60;t&#62; · Autoprofile</title>");
    expect(html).toContain("<h1>a &#34;b&#34;</h1>");
    expect(html).toContain("<p>x &#38; y</p>");
    expect(html).toContain('<a href="/p?a=1&#38;b=&#34;2&#34;">&#60;go&#62;</a>');
    expect(html).not.toMatch(/<(t|go)>/);
  });
});
