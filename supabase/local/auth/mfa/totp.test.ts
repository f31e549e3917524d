import { Secret, TOTP } from "otpauth";
import { describe, expect, it } from "vitest";
import { newTotpKey, totpCodeValid, totpQrSvg, totpUri } from "./totp";

const SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
const NOW = Date.UTC(2026, 11, 2, 1, 0, 15);
const codeAt = (timestamp: number) => new TOTP({ secret: Secret.fromBase32(SECRET) }).generate({ timestamp });

describe("totpUri", () => {
  it.each([
    [
      "localhost:3000",
      "alice@example.com",
      "otpauth://totp/localhost:3000:alice@example.com?algorithm=SHA1&digits=6&issuer=localhost%3A3000&period=30&secret=S",
    ],
    [
      "Auto Profile",
      "a b@x.io",
      "otpauth://totp/Auto%20Profile:a%20b@x.io?algorithm=SHA1&digits=6&issuer=Auto+Profile&period=30&secret=S",
    ],
    ["x?y", "z#w", "otpauth://totp/x%3Fy:z%23w?algorithm=SHA1&digits=6&issuer=x%3Fy&period=30&secret=S"],
  ])("%s / %s", (issuer, account, expected) => {
    expect(totpUri(issuer, account, "S")).toBe(expected);
  });

  it("new keys carry a 20-byte secret in unpadded base32", () => {
    const key = newTotpKey("localhost", "a@b.c");
    expect(key.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(key.uri.endsWith(`secret=${key.secret}`)).toBe(true);
  });
});

describe("totpCodeValid", () => {
  it.each([
    ["the current step", 0, true],
    ["one step back", -30_000, true],
    ["one step ahead", 30_000, true],
    ["two steps back", -60_000, false],
    ["two steps ahead", 60_000, false],
  ])("accepts %s: %s", (_label, offset, accepted) => {
    expect(totpCodeValid(codeAt(NOW + offset), SECRET, NOW)).toBe(accepted);
  });

  it.each(["", "12345", "1234567", "12a456", " 123456"])("refuses the malformed code %j", (code) => {
    expect(totpCodeValid(code, SECRET, NOW)).toBe(false);
  });
});

describe("totpQrSvg", () => {
  it("is bare SVG without '#', so an unencoded data: URI of it still works", async () => {
    const svg = await totpQrSvg(totpUri("localhost", "a@b.c", SECRET));
    expect(svg.startsWith("<svg")).toBe(true);
    expect(svg.endsWith("</svg>")).toBe(true);
    expect(svg).not.toContain("#");
    expect(svg).toMatch(/width="\d+"/);
  });
});
