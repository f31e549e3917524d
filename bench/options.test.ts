import { describe, expect, it } from "vitest";
import { MEASUREMENTS, parseOptions } from "./options";

describe("bench options", () => {
  it("defaults to the full run on the bench stack, table only", () => {
    const options = parseOptions([]);
    expect(options).toMatchObject({ json: false, quick: false, stack: "bench", nextPort: 3200, stormN: 200 });
    expect(options.only).toEqual(MEASUREMENTS);
  });
  it("--quick shrinks every N; explicit options still win", () => {
    const options = parseOptions(["--quick", "--storm-n", "7"]);
    expect(options.quick).toBe(true);
    expect(options.authN).toBeLessThan(10);
    expect(options.stormN).toBe(7);
  });
  it("--out implies --json; --only and --stack are checked", () => {
    expect(parseOptions(["--out", "/tmp/x.json"])).toMatchObject({ json: true, out: "/tmp/x.json" });
    expect(parseOptions(["--only", "rest,bcrypt"]).only).toEqual(["rest", "bcrypt"]);
    expect(parseOptions(["--stack", "env"]).stack).toBe("env");
  });
  it.each([[["--only", "nope"]], [["--stack", "cloud"]], [["--storm-n", "0"]], [["--bogus"]]])(
    "rejects %j with a message",
    (argv) => {
      expect(() => parseOptions(argv)).toThrow(/only|stack|positive integer|unknown option/);
    },
  );
});
