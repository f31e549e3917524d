import type { IncomingMessage } from "node:http";
import { describe, expect, it, vi } from "vitest";
import type { ServiceContext } from "../contracts";
import { parseSbForwardedFor, withForwardedIp } from "./sbff";

describe("parseSbForwardedFor (GoTrue's parseSBFFHeader)", () => {
  it.each([
    ["198.51.100.7", "198.51.100.7"],
    ["2001:db8:cafe::17", "2001:db8:cafe::17"],
    ["198.51.100.7,203.0.113.1", "198.51.100.7"],
    ["198.51.100.7   , 203.0.113.1", "198.51.100.7"],
    ["  198.51.100.7", "198.51.100.7"],
    // One address, one bucket: canonical text form, as Go's net.IP.String() prints it.
    ["2001:DB8:0:0:0:0:0:1", "2001:db8::1"],
    ["::ffff:198.51.100.7", "198.51.100.7"],
    ["not-an-ip, 198.51.100.7", null],
    ["", null],
    [",198.51.100.7", null],
    ["01.2.3.4", null],
    ["256.0.0.1", null],
    ["fe80::1%eth0", null],
    ["198.51.100.7:443", null],
  ])("%j → %j", (header, expected) => {
    expect(parseSbForwardedFor(header)).toBe(expected);
  });
});

describe("withForwardedIp (GoTrue's sbff.Middleware)", () => {
  const ctx: ServiceContext = { path: "/token", query: new URLSearchParams(), authorization: null, ip: "127.0.0.1" };
  const request = (value?: string) =>
    ({ headers: value === undefined ? {} : { "sb-forwarded-for": value } }) as unknown as IncomingMessage;

  it.each<[string, boolean, string | undefined, string, boolean]>([
    ["off, no header", false, undefined, "127.0.0.1", false],
    ["off, valid header", false, "198.51.100.7", "127.0.0.1", false],
    ["off, invalid header", false, "invalid", "127.0.0.1", false],
    ["on, no header", true, undefined, "127.0.0.1", false],
    ["on, valid header", true, "198.51.100.7", "198.51.100.7", false],
    ["on, invalid header: logged, connection address kept", true, "invalid", "127.0.0.1", true],
  ])("%s", (_name, enabled, header, ip, warned) => {
    const warn = vi.fn();
    expect(withForwardedIp(request(header), ctx, enabled, warn).ip).toBe(ip);
    expect(warn).toHaveBeenCalledTimes(warned ? 1 : 0);
  });
});
