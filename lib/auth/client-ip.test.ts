import { describe, expect, it } from "vitest";
import { clientIpFrom, isIpAddress } from "./client-ip";

describe("isIpAddress", () => {
  it.each([
    ["192.0.2.1", true],
    ["0.0.0.0", true],
    ["255.255.255.255", true],
    ["2001:db8::1", true],
    ["2001:DB8:0:0:0:0:0:1", true],
    ["::1", true],
    ["::", true],
    ["::ffff:192.0.2.1", true],
    ["1:2:3:4:5:6:7:8", true],
    ["256.1.1.1", false],
    ["01.2.3.4", false],
    ["1.2.3", false],
    ["1.2.3.4.5", false],
    ["1:2:3:4:5:6:7:8:9", false],
    ["1::2::3", false],
    ["fe80::1%eth0", false],
    ["12345::1", false],
    ["localhost", false],
    ["", false],
    ["1.2.3.4:80", false],
  ])("%j → %s", (text, expected) => {
    expect(isIpAddress(text)).toBe(expected);
  });
});

describe("clientIpFrom", () => {
  const headers = (values: Record<string, string>) => new Headers(values);

  it("reads the leftmost value of the trusted header", () => {
    expect(clientIpFrom(headers({ "x-real-ip": "198.51.100.4" }), "x-real-ip")).toBe("198.51.100.4");
    expect(clientIpFrom(headers({ "x-real-ip": " 198.51.100.4 , 10.0.0.1" }), "x-real-ip")).toBe("198.51.100.4");
  });

  it("ignores X-Forwarded-For when another header is the trusted one", () => {
    const sent = headers({ "x-forwarded-for": "203.0.113.9", "x-real-ip": "198.51.100.4" });
    expect(clientIpFrom(sent, "x-real-ip")).toBe("198.51.100.4");
    expect(clientIpFrom(headers({ "x-forwarded-for": "203.0.113.9" }), "x-real-ip")).toBeNull();
  });

  it("without a trusted header reads X-Forwarded-For (what next start fills in from the socket)", () => {
    expect(clientIpFrom(headers({ "x-forwarded-for": "::ffff:127.0.0.1" }), null)).toBe("::ffff:127.0.0.1");
    expect(clientIpFrom(headers({}), null)).toBeNull();
  });

  it.each(["unknown", "", "evil.example, 1.2.3.4", "1.2.3.4:443"])("forwards nothing for %j", (value) => {
    expect(clientIpFrom(headers({ "x-real-ip": value }), "x-real-ip")).toBeNull();
  });
});
