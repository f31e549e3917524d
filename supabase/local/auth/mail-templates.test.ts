import { describe, expect, it } from "vitest";
import { confirmationUrl, encodeRedirect, nextPath, renderMail } from "./mail-templates.ts";

describe("encodeRedirect (GoTrue escapes only unencoded URLs)", () => {
  it.each([
    ["http://localhost:3000/welcome", "http://localhost:3000/welcome"],
    ["http://localhost:3000/cb?next=/a&b=1", "http%3A%2F%2Flocalhost%3A3000%2Fcb%3Fnext%3D%2Fa%26b%3D1"],
    ["", ""],
  ])("%j → %j", (input, expected) => {
    expect(encodeRedirect(input)).toBe(expected);
  });
});

describe("nextPath", () => {
  it.each([
    ["http://localhost:3000/onboarding?step=1", "http://localhost:3000", "/onboarding?step=1"],
    ["http://localhost:3000", "http://localhost:3000", "/"],
    ["http://localhost:3000/auth/confirm?next=%2Fonboarding&flow=signup", "http://localhost:3000", "/onboarding"],
    [
      "http://localhost:3000/auth/confirm?next=%2F%2Fevil.com",
      "http://localhost:3000",
      "/auth/confirm?next=%2F%2Fevil.com",
    ],
    ["https://evil.example.com/x", "http://localhost:3000", "/"],
    ["garbage", "http://localhost:3000", "/"],
  ])("%j on %j → %j", (redirectTo, site, expected) => {
    expect(nextPath(redirectTo, site)).toBe(expected);
  });
});

describe("renderMail", () => {
  const input = {
    to: "a@example.com",
    externalUrl: "http://127.0.0.1:54321/auth/v1",
    siteUrl: "http://localhost:3000",
    redirectTo: "http://localhost:3000/welcome",
    otp: "123456",
    tokenHash: "pkce_abc",
  };
  it.each([
    ["confirmation", "Confirm Your Email", "type=signup", "type=email"],
    ["recovery", "Reset Your Password", "type=recovery", "type=recovery"],
    ["email_change", "Confirm Email Change", "type=email_change", "type=email_change"],
  ] as const)(
    "%s carries the verify link, the code, the token hash and the /auth/confirm link",
    (kind, subject, verifyType, confirmType) => {
      const mail = renderMail({ ...input, kind });
      expect(mail.subject).toBe(subject);
      expect(mail.kind).toBe(kind);
      expect(mail.text).toContain(
        `${confirmationUrl(input.externalUrl, "pkce_abc", verifyType.slice(5), input.redirectTo)}`,
      );
      expect(mail.text).toContain(verifyType);
      expect(mail.text).toContain("enter the code: 123456");
      expect(mail.text).toContain("Token hash: pkce_abc");
      expect(mail.text).toContain(
        `http://localhost:3000/auth/confirm?token_hash=pkce_abc&${confirmType}&next=%2Fwelcome`,
      );
      expect(mail.html).toContain('href="http://127.0.0.1:54321/auth/v1/verify?token=pkce_abc&amp;');
    },
  );

  it("reauthentication mails only the code", () => {
    const mail = renderMail({ ...input, kind: "reauthentication", tokenHash: "" });
    expect(mail.text).toContain("123456");
    expect(mail.text).not.toContain("/verify");
  });
});
